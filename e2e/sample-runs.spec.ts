import type { Locator, Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { DeployDialogPage } from "./pages/deploy";
import { EnvironmentsPage } from "./pages/environments";

// The seeded sample (lib/projects/seed-sample-project.ts): 1.0.0 runs in development, whose
// integration.yaml values point at the stub shop and ERP the app serves under /sample-api, with
// their tokens as development's secrets; 1.1.0 breaks order-sync on purpose. Both versions are
// immutable, so other specs' edits of the draft change nothing here. Runs happen in a worker
// thread and a fresh sandbox, slow on a busy machine: the spec waits for them, not for a time.

const GOOD = "1.0.0";
const BROKEN = "1.1.0";

/** Makes `version` run in development through Deploy a version…, unless it runs there already. */
async function runInDevelopment(environments: EnvironmentsPage, version: string) {
  if ((await environments.activeVersionName("development")) === version) return;
  const picker = await environments.openVersionPicker("development");
  await picker.getByRole("searchbox", { name: "Search versions" }).fill(version);
  await environments.pickerVersion(picker, version).click();
  await new DeployDialogPage(environments.page).confirm({ environment: "development", versionName: version });
  expect(await environments.activeVersionName("development")).toBe(version);
}

/** Run now in development's region: order-sync on what runs there; returns the opened execution's detail. */
async function runNow(page: Page, environments: EnvironmentsPage, version: string): Promise<Locator> {
  await environments.region("development").getByRole("button", { name: "Run now", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Run a workflow in development" });
  await expect(dialog.getByRole("combobox", { name: "Workflow" })).toHaveValue("order-sync");
  await expect(dialog).toContainText(`It runs on ${version} (#`);
  await dialog.getByRole("button", { name: "Run", exact: true }).click();
  await expect(dialog.getByRole("status")).toContainText(`Queued order-sync on ${version}.`);
  await dialog.getByRole("link", { name: "See the run" }).click();
  await expect(page.getByRole("heading", { name: "Executions in development", level: 1 })).toBeVisible();
  return page.getByRole("region", { name: "Execution of order-sync" });
}

test("the seeded sample runs offline: Run now in development succeeds against the app's own stub shop and ERP", async ({ workspace }) => {
  test.setTimeout(180_000);
  // The workspace fixture fails the test on console errors and on requests leaving localhost.
  const { page } = workspace;
  const environments = new EnvironmentsPage(page);
  await environments.open();
  await runInDevelopment(environments, GOOD);
  await environments.open();
  const detail = await runNow(page, environments, GOOD);

  await expect(detail).toContainText(`${GOOD} #`);
  await expect(detail.getByRole("heading", { name: "Output" })).toBeVisible({ timeout: 60_000 });
  await expect(detail).toContainText("Succeeded");
  await expect(detail.getByRole("heading", { name: "Error" })).toHaveCount(0);
  const logs = detail.getByRole("list", { name: "Logs" });
  await expect(logs.getByRole("listitem").last()).toContainText(/Order sync finished \{"failed":0,"synced":\d+\}/);
  await expect(detail).toContainText('"synced": [');
  const row = page.getByRole("table").getByRole("row").filter({ hasText: GOOD }).first();
  await expect(row).toContainText("Succeeded");

  // The Executions page with a run opened, at three widths, then scrolled to the end of the logs.
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(detail).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `page overflows at ${width} px`).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), `at ${width} px with the run open`).toEqual([]);
    await logs.evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(logs.getByRole("listitem").last()).toBeInViewport();
    expect(await seriousViolations(page), `at ${width} px scrolled to the end`).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
});

test("the sample's deliberately broken 1.1.0 fails in development, and rolling back to 1.0.0 runs again", async ({ workspace }) => {
  test.setTimeout(240_000);
  const { page } = workspace;
  const environments = new EnvironmentsPage(page);
  await environments.open();
  await runInDevelopment(environments, GOOD);
  await environments.open();
  await runInDevelopment(environments, BROKEN);
  await environments.open();
  const failed = await runNow(page, environments, BROKEN);
  await expect(failed.getByRole("heading", { name: "Error" })).toBeVisible({ timeout: 60_000 });
  await expect(failed).toContainText("TypeError");
  await expect(failed).toContainText("workflows/order-sync.ts");
  expect(await seriousViolations(page)).toEqual([]);

  await environments.open();
  await environments.rollBack("development", GOOD);
  expect(await environments.activeVersionName("development")).toBe(GOOD);
  const succeeded = await runNow(page, environments, GOOD);
  await expect(succeeded.getByRole("heading", { name: "Output" })).toBeVisible({ timeout: 60_000 });
  await expect(succeeded).toContainText(`${GOOD} #`);
});
