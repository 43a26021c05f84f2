import type { Locator, Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { DeployDialogPage } from "./pages/deploy";
import { EnvironmentsPage } from "./pages/environments";
import { createSampleCopy } from "./pages/projects";
import { WorkspacePage } from "./pages/workspace";

// On a project of its own (a copy of the sample made here): other specs change the sample's
// naming convention, settings and production, and this one changes production's settings.
const PROJECT = { name: "Whole rollback", slug: "whole-rollback" };

async function deployNewVersion(workspace: WorkspacePage, name: string) {
  const deploy = new DeployDialogPage(workspace.page);
  await workspace.open("README.md");
  const popover = await workspace.createVersion(name, `Made by the settings rollback spec (${name})`);
  await deploy.openFromRow(workspace.versionRow(popover, name));
  await deploy.chooseEnvironment("production");
  await deploy.confirm({ environment: "production", versionName: name });
  await workspace.page.keyboard.press("Escape");
}

/** Production's secret `key` is `first` while `stable` is deployed, then `second` while `release` is. */
async function secretChangedBetweenDeployments(page: Page, slug: string, key: string, [stable, release]: [string, string], [first, second]: [string, string]) {
  const workspace = new WorkspacePage(page, slug);
  const environments = new EnvironmentsPage(page, slug);
  await environments.open();
  let production = environments.region("production");
  await production.getByRole("button", { name: "New setting" }).click();
  await production.getByRole("textbox", { name: "Key" }).fill(key);
  await production.getByRole("checkbox", { name: "Secret" }).check();
  await production.getByLabel("Value").fill(first);
  await production.getByRole("button", { name: "Add setting" }).click();
  await expect(production.getByText(`••••••${first.slice(-4)}`)).toBeVisible();
  await deployNewVersion(workspace, stable);

  await environments.open();
  production = environments.region("production");
  await production.getByRole("button", { name: `Replace ${key}` }).click();
  await production.getByLabel(`New value for ${key}`).fill(second);
  await production.getByRole("button", { name: `Save ${key}` }).click();
  await expect(production.getByText(`••••••${second.slice(-4)}`)).toBeVisible();
  await deployNewVersion(workspace, release);
  await environments.open();
  return environments;
}

/**
 * The dialog offers "Restore settings as they were", checked, previewing the changed key without
 * its value, at every width and with no serious axe violation.
 */
async function expectRestoreOffered(dialog: Locator, key: string, hiddenValue: string) {
  const page = dialog.page();
  const restore = dialog.getByRole("checkbox", { name: "Restore settings as they were" });
  await expect(restore).toBeChecked();
  const preview = dialog.getByRole("status").filter({ hasText: "go back to revision" });
  await expect(preview.getByRole("listitem").filter({ hasText: /^Keys changed: / })).toContainText(key);
  await expect(dialog).not.toContainText(hiddenValue);
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(restore).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
}

/** No part of the page is wider than the window: nothing needs sideways scrolling. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test("a whole rollback restores production's secret as it was, as a new settings revision, never showing it", async ({ workspace: checks, page }) => {
  void checks; // its checks: no console errors, no request leaving this machine
  await createSampleCopy(page, PROJECT);
  const stamp = Date.now();
  const [stable, release] = [`whole-stable-${stamp}`, `whole-release-${stamp}`];
  const key = `ERP_TOKEN_${stamp}`;
  const [oldSecret, newSecret] = [`erp_old_${stamp}_1111`, `erp_new_${stamp}_2222`];
  const environments = await secretChangedBetweenDeployments(page, PROJECT.slug, key, [stable, release], [oldSecret, newSecret]);
  const production = environments.region("production");
  await expect(environments.history("production").nth(0)).toContainText(`to ${release} #`);
  await production.getByRole("button", { name: `Roll back to ${stable}`, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Roll back production to ${stable}?` });
  await expectRestoreOffered(dialog, key, oldSecret);
  await dialog.getByRole("button", { name: `Roll back to ${stable}`, exact: true }).click();
  await expect(dialog).toBeHidden();

  expect(await environments.activeVersionName("production")).toBe(stable);
  await expect(production.getByText("••••••1111")).toBeVisible();
  await expect(page.getByText(oldSecret)).toHaveCount(0);
  await expect(page.getByText(newSecret)).toHaveCount(0);

  // The rollback ran with a new revision that restored the one the stable version ran with.
  const rollback = environments.history("production").nth(0);
  await expect(rollback).toContainText(`rollback: ${release} #`);
  const ranWith = Number((await rollback.textContent())?.match(/settings revision (\d+)/)?.[1]);
  await production.getByText("Settings history").click();
  const revisions = production.getByRole("list", { name: "Settings history" }).getByRole("listitem").filter({ hasText: /^Revision \d+/ });
  const newest = revisions.nth(0);
  await expect(newest).toContainText(`Revision ${ranWith}`);
  await expect(newest).toContainText("active");
  await expect(newest).toContainText(/restored revision \d+/);
  await expect(newest).toContainText(`Changed: ${key} (secret)`);
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(newest).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  expect(await seriousViolations(page)).toEqual([]);

  // Comparing the newest two revisions: the secret changed, its values never shown.
  await production.getByRole("button", { name: "Compare revisions" }).click();
  const changes = production.getByRole("table", { name: /^Settings changed from revision/ });
  await expect(changes.getByRole("row").filter({ hasText: key })).toContainText("changed (secret)");
  await expect(page.getByText(oldSecret)).toHaveCount(0);

  // The same key across environments: set only in production, never shown.
  await production.getByRole("button", { name: `Compare ${key} across environments` }).click();
  const across = page.getByRole("dialog", { name: `${key} across environments` });
  await expect(across.getByRole("listitem").filter({ hasText: "production" })).toContainText("secret, set only here");
  await expect(across.getByRole("listitem").filter({ hasText: "staging" })).toContainText("not set");
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(across).toBeHidden();
  await page.setViewportSize({ width: 1440, height: 900 });

  await production.getByRole("button", { name: `Delete ${key}` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete ${key} from production?` });
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(confirm).toBeHidden();
});

test("deploying a version picked from the list that ran in production before offers its settings as they were", async ({ workspace: checks, page }) => {
  void checks;
  const project = { name: "Redeploy with settings", slug: "redeploy-with-settings" };
  await createSampleCopy(page, project);
  const stamp = Date.now();
  const [stable, release] = [`picked-stable-${stamp}`, `picked-release-${stamp}`];
  const key = `SHOP_TOKEN_${stamp}`;
  const [oldSecret, newSecret] = [`shop_old_${stamp}_3333`, `shop_new_${stamp}_4444`];
  const environments = await secretChangedBetweenDeployments(page, project.slug, key, [stable, release], [oldSecret, newSecret]);

  const picker = await environments.openVersionPicker("production");
  await environments.pickerVersion(picker, stable).click();
  const deploy = new DeployDialogPage(page);
  const dialog = page.getByRole("dialog", { name: `Deploy ${stable} to production` });
  await expectRestoreOffered(dialog, key, oldSecret);
  await page.setViewportSize({ width: 1440, height: 900 });
  await deploy.confirm({ environment: "production", versionName: stable });

  const production = environments.region("production");
  expect(await environments.activeVersionName("production")).toBe(stable);
  await expect(production.getByText("••••••3333")).toBeVisible();
  await expect(page.getByText(oldSecret)).toHaveCount(0);
});
