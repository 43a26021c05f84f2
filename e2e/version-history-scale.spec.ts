import type { Locator, Page, Request } from "@playwright/test";
import type { VersionPageJson } from "@/lib/versions/version-json";
import { API } from "./api";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { DeployDialogPage } from "./pages/deploy";
import type { WorkspacePage } from "./pages/workspace";
import { capture, replay, type CapturedAction } from "./server-actions";

// Every spec shares one server and database: names carry a stamp, and what is asserted comes
// from the versions this test creates (newest first, so on top of the list).

const LONG_DESCRIPTION =
  "Retry ERP writes on 429 with exponential back-off, map the new warehouse codes and keep order sync ahead of the peak-season load";

/**
 * Creates `names` in order with LONG_DESCRIPTION: the first through the Create version dialog,
 * the rest by sending the dialog's own request again with another name, as a script could.
 */
async function createVersions(workspace: WorkspacePage, page: Page, names: readonly string[]) {
  const [first, ...rest] = names;
  let action: CapturedAction | undefined;
  const listen = (request: Request) => {
    if (request.method() === "POST" && request.headers()["next-action"] && request.postData()?.includes(first!)) action = capture(request);
  };
  page.on("request", listen);
  await workspace.createVersion(first!, `${LONG_DESCRIPTION} (${first})`);
  page.off("request", listen);
  expect(action, "the Create version request").toBeDefined();
  const origin = new URL(page.url()).origin;
  for (const name of rest) {
    const response = await replay(page.request, action!, origin, action!.body.replaceAll(first!, name));
    expect(response.ok(), `create ${name}`).toBe(true);
  }
}

function stampedNames(prefix: string, count: number): string[] {
  const stamp = Date.now();
  return Array.from({ length: count }, (_, index) => `${prefix}-${stamp}-${String(index + 1).padStart(2, "0")}`);
}

/** The rows wholly inside the list's scrolling area and the window. */
async function fullyVisibleRows(list: Locator): Promise<number> {
  return list.evaluate((element) => {
    const area = element.parentElement!.getBoundingClientRect();
    const bottom = Math.min(area.bottom, window.innerHeight);
    return [...element.querySelectorAll(":scope > li")].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.height > 0 && box.top >= area.top - 0.5 && box.bottom <= bottom + 0.5;
    }).length;
  });
}

test("with sixty versions at 1440×900, eight rows or more fit, descriptions clamp to one line and expand, and axe passes", async ({ workspace, page }) => {
  // Sixty versions and two axe runs: more than the default minute on a busy machine.
  test.slow();
  await page.setViewportSize({ width: 1440, height: 900 });
  await workspace.open("README.md");
  const names = stampedNames("scale", 60);
  await createVersions(workspace, page, names);

  await workspace.open("README.md");
  const popover = await workspace.openVersionHistory();
  const list = popover.getByRole("list", { name: "Versions", exact: true });
  const newest = workspace.versionRow(popover, names.at(-1)!);
  await expect(newest).toBeVisible();
  expect(await fullyVisibleRows(list)).toBeGreaterThanOrEqual(8);

  // One line, the whole text on hover, and a toggle that shows all of it.
  const description = newest.getByText(`${LONG_DESCRIPTION} (${names.at(-1)})`, { exact: true });
  await expect(description).toHaveAttribute("title", `${LONG_DESCRIPTION} (${names.at(-1)})`);
  const oneLine = await description.evaluate((element) => element.clientHeight);
  await newest.getByRole("button", { name: "Show more" }).click();
  await expect(newest.getByRole("button", { name: "Show less" })).toHaveAttribute("aria-expanded", "true");
  expect(await description.evaluate((element) => element.clientHeight)).toBeGreaterThan(oneLine);

  expect(await seriousViolations(page)).toEqual([]);
  const scrolled = await list.evaluate((element) => {
    element.parentElement!.scrollTop = 2_000;
    return element.parentElement!.scrollTop;
  });
  expect(scrolled).toBeGreaterThan(0);
  await expect(workspace.versionRow(popover, names.at(-1)!)).not.toBeInViewport();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the environment filter narrows on the server: running in production shows only production's version", async ({ workspace, page }) => {
  test.slow();
  const deploy = new DeployDialogPage(page);
  await workspace.open("README.md");
  const [production] = stampedNames("in-production", 1);
  const popover = await workspace.createVersion(production!, "");
  await deploy.openFromRow(workspace.versionRow(popover, production!));
  await deploy.chooseEnvironment("production");
  await deploy.confirm({ environment: "production", versionName: production! });
  // Sixty newer versions push it off the first page the popover loads.
  await workspace.open("README.md");
  await createVersions(workspace, page, stampedNames("after-production", 60));

  await workspace.open("README.md");
  await workspace.openVersionHistory();
  await popover.getByRole("combobox", { name: "Environment" }).selectOption({ label: "Running in production" });
  const filtered = popover.getByRole("list", { name: "Versions matching the filters" });
  await expect(filtered.getByRole("listitem")).toHaveCount(1);
  await expect(filtered.getByRole("listitem", { name: production, exact: true })).toBeVisible();
  await expect(popover.getByText("1 matching version", { exact: true })).toBeVisible();

  await popover.getByRole("combobox", { name: "Environment" }).selectOption({ label: "All environments" });
  await expect(workspace.versionList(popover).getByRole("listitem").first()).not.toHaveAccessibleName(production!);

  // The route combines the filters with the search; an unknown origin is refused.
  const combined = await page.request.get(`${API}/versions?environment=production&origin=manual&search=${production}`);
  expect(((await combined.json()) as VersionPageJson).items.map((item) => item.name)).toEqual([production]);
  const refused = await page.request.get(`${API}/versions?origin=robot`);
  expect(refused.status()).toBe(400);
});

test("Enter on a focused row opens the version read-only", async ({ workspace, page }) => {
  await workspace.open("README.md");
  const [name] = stampedNames("enter", 1);
  const popover = await workspace.createVersion(name!, "Opened with the keyboard");
  await page.keyboard.press("Escape");
  await workspace.openVersionHistory();
  await popover.getByRole("searchbox", { name: "Search versions" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(workspace.versionRow(popover, name!)).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/versions\//);
  await expect(page.getByRole("button", { name: "Back to latest draft" })).toBeVisible();
  await expect(page.getByText(name!).first()).toBeVisible();
});

test("at 390 px wide the popover, its filters and row actions fit the window", async ({ workspace, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await workspace.open("README.md");
  const [name] = stampedNames("narrow", 1);
  const popover = await workspace.createVersion(name!, LONG_DESCRIPTION);
  const inside = async (locator: Locator) => {
    const box = (await locator.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
  };
  await inside(popover);
  await inside(popover.getByRole("combobox", { name: "Author" }));
  const row = workspace.versionRow(popover, name!);
  await inside(row.getByRole("button", { name: "Deploy…", exact: true }));
  await inside(row.getByRole("button", { name: "View", exact: true }));
  expect(await seriousViolations(page)).toEqual([]);
});
