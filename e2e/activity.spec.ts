import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { ActivityPage } from "./pages/activity";
import { DeployDialogPage } from "./pages/deploy";
import { EnvironmentsPage } from "./pages/environments";

// The spec shares the server and database with the others: it looks only for what it made.

test("changes show up in Activity in words, filter by kind, and export as CSV and JSON Lines", async ({ workspace, page }) => {
  const stamp = Date.now();
  const name = `activity-${stamp}`;
  const key = `ACTIVITY_${stamp}`;
  await workspace.open("README.md");
  const popover = await workspace.createVersion(name, "Made by the activity spec");
  const deploy = new DeployDialogPage(page);
  await deploy.openFromRow(workspace.versionRow(popover, name));
  await deploy.chooseEnvironment("staging");
  await deploy.confirm({ environment: "staging", versionName: name });
  await page.keyboard.press("Escape");

  const environments = new EnvironmentsPage(page);
  await environments.open();
  const staging = environments.region("staging");
  await staging.getByRole("button", { name: "New setting" }).click();
  await staging.getByRole("textbox", { name: "Key" }).fill(key);
  await staging.getByLabel("Value").fill("https://erp.example.com");
  await staging.getByRole("button", { name: "Add setting" }).click();
  await expect(staging.getByText(key)).toBeVisible();

  await workspace.open("README.md");
  const activity = new ActivityPage(page);
  await activity.openFromHeader();
  const created = activity.row(new RegExp(`created version ${name} \\(#\\d+\\)`));
  const deployed = activity.row(new RegExp(`deployed ${name} to staging \\((was .+|its first deployment)\\)`));
  const setting = activity.row(`added setting ${key} to staging`);
  await expect(created).toHaveCount(1);
  await expect(deployed).toHaveCount(1);
  await expect(setting).toHaveCount(1);
  await expect(deployed).toContainText("staging");
  await setting.getByText("Details").click();
  await expect(setting.getByRole("definition").filter({ hasText: "https://erp.example.com" })).toBeVisible();

  await activity.filterByKind("Settings changed");
  await expect(page).toHaveURL(/kind=settings\.changed/);
  await expect(setting).toHaveCount(1);
  await expect(created).toHaveCount(0);
  await expect(deployed).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  const csv = await activity.export("Export CSV");
  expect(csv.name).toMatch(/^draftline-order-sync-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.split("\r\n")[0]).toBe("id,time,person,person_id,kind,kind_label,environment,environment_id,description,summary");
  expect(csv.text).toContain(`added setting ${key} to staging`);
  expect(csv.text).not.toContain(`created version ${name}`);

  const json = await activity.export("Export JSON");
  expect(json.name).toMatch(/\.jsonl$/);
  const events = json.text.trimEnd().split("\n").map((line) => JSON.parse(line) as { kind: string; summary: { key?: string } });
  expect(events.every((event) => event.kind === "settings.changed")).toBe(true);
  expect(events.filter((event) => event.summary.key === key)).toHaveLength(1);
});

for (const width of [1440, 768, 390] as const) {
  test(`Activity fits ${width} px and passes axe, filtered and with details open`, async ({ workspace, page }) => {
    await page.setViewportSize({ width, height: 900 });
    await workspace.open("README.md");
    await workspace.createVersion(`activity-${width}-${Date.now()}`, "");
    const activity = new ActivityPage(page);
    if (width < 1024) {
      // Narrow headers keep the link in the More actions menu.
      await page.getByRole("banner").getByRole("button", { name: "More actions" }).click();
      await page.getByRole("menu", { name: "More actions" }).getByRole("menuitem", { name: "Activity" }).click();
      await activity.expectOpen();
    } else {
      await activity.openFromHeader();
    }
    await activity.filterByKind("Version created");
    await expect(page).toHaveURL(/kind=version\.created/);
    await expect(activity.table).toBeVisible();
    await activity.table.getByText("Details").first().click();
    expect(await seriousViolations(page)).toEqual([]);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(innerWidth);
    for (const link of ["Export CSV", "Export JSON"]) await expect(page.getByRole("link", { name: link })).toBeVisible();
  });
}
