import type { Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { DeployDialogPage } from "./pages/deploy";
import { EnvironmentsPage } from "./pages/environments";

// Every spec shares one server and database: this spec leaves staging unprotected and its
// requests cancelled, whatever happened, so the other specs deploy to staging as before.

async function setRequiredApprovals(page: Page, environment: string, count: number) {
  const environments = new EnvironmentsPage(page);
  await environments.region(environment).getByRole("button", { name: "Protection", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Protect ${environment}` });
  await dialog.getByRole("spinbutton", { name: "Required approvals" }).fill(String(count));
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
}

test.afterEach(async ({ page }) => {
  const environments = new EnvironmentsPage(page);
  await environments.open();
  const requests = page.getByRole("region", { name: "Deployment requests" });
  for (const cancel of await requests.getByRole("button", { name: "Cancel request" }).all()) await cancel.click();
  await expect(requests.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
  if ((await environments.region("staging").getByText(/^Protected/).count()) > 0) await setRequiredApprovals(page, "staging", 0);
  await expect(environments.region("staging").getByText(/^Protected/)).toHaveCount(0);
});

for (const width of [1440, 768, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("with one approval required on staging, deploying becomes a request that is listed", async ({ workspace, page }) => {
      const name = `approval-${width}-${Date.now()}`;
      const environments = new EnvironmentsPage(page);
      await environments.open();
      const staging = environments.region("staging");
      await staging.getByRole("button", { name: "Protection", exact: true }).click();
      const protection = page.getByRole("dialog", { name: "Protect staging" });
      await expect(protection.getByRole("spinbutton", { name: "Required approvals" })).toHaveValue("0");
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await setRequiredApprovals(page, "staging", 1);
      await expect(staging.getByText("Protected · needs 1 approval")).toBeVisible();
      const before = await environments.activeVersionName("staging");

      await workspace.open("README.md");
      const popover = await workspace.createVersion(name, "Waiting for approval");
      const deploy = new DeployDialogPage(page);
      const dialog = await deploy.openFromRow(workspace.versionRow(popover, name));
      await deploy.chooseEnvironment("staging");
      await expect(dialog.getByText("staging is protected")).toBeVisible();
      await expect(dialog.getByRole("button", { name: "Deploy", exact: true })).toHaveCount(0);
      await dialog.getByRole("textbox", { name: "Note for approvers" }).fill("Tested in development");
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole("button", { name: "Request deployment", exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole("status").filter({ hasText: `Requested: ${name}` })).toContainText("once it has 1 approval");
      expect(await environments.activeVersionName("staging")).toBe(before);

      await environments.open();
      const requests = page.getByRole("region", { name: "Deployment requests" });
      const row = requests.getByRole("listitem", { name: `Deploy ${name} to staging` });
      await expect(row).toContainText("pending");
      await expect(row).toContainText("0/1 approvals");
      await expect(row).toContainText("Tested in development");
      await expect(row).toContainText(/\d+ added, \d+ modified, \d+ removed/);
      // The local admin made it: they may cancel it, never approve their own.
      await expect(row.getByRole("button", { name: "Cancel request" })).toBeVisible();
      await expect(row.getByRole("button", { name: "Approve" })).toHaveCount(0);
      await expect(page.getByRole("banner").getByRole("link", { name: /1 request/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);

      await row.getByRole("button", { name: "Cancel request" }).click();
      await expect(row).toContainText("cancelled");
      await expect(row.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
    });
  });
}
