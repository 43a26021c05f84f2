import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { DeployDialogPage } from "./pages/deploy";
import { EnvironmentsPage } from "./pages/environments";
import type { WorkspacePage } from "./pages/workspace";

// Every spec shares one server and database: names are unique per run, and expectations come
// from the state this test creates, never from what other specs may have deployed.

/** Creates versions in order (the last is the newest) and deploys each to the environments listed for it. */
async function versionsDeployed(workspace: WorkspacePage, deploy: DeployDialogPage, plan: Array<{ name: string; to: string[] }>) {
  await workspace.open("README.md");
  for (const { name, to } of plan) {
    let popover = await workspace.createVersion(name, `Made by the environments spec (${name})`);
    for (const environment of to) {
      await deploy.openFromRow(workspace.versionRow(popover, name));
      await deploy.chooseEnvironment(environment);
      await deploy.confirm({ environment, versionName: name });
      popover = await workspace.openVersionHistory();
    }
    await workspace.page.keyboard.press("Escape");
  }
}

test("after rolling production back, Roll forward to <version> re-activates the version rolled back from", async ({ workspace, page }) => {
  const stamp = Date.now();
  const [stable, release] = [`stable-${stamp}`, `release-${stamp}`];
  const environments = new EnvironmentsPage(page);
  await versionsDeployed(workspace, new DeployDialogPage(page), [
    { name: stable, to: ["production"] },
    { name: release, to: ["production"] },
  ]);

  await environments.open();
  const production = environments.region("production");
  await expect(production.getByRole("button", { name: /^Roll forward/ })).toHaveCount(0);
  await environments.rollBack("production", stable);
  expect(await environments.activeVersionName("production")).toBe(stable);

  await environments.rollForward("production", release);
  await expect(page.getByRole("status").filter({ hasText: `${release} (#` })).toContainText("now runs in production");
  expect(await environments.activeVersionName("production")).toBe(release);
  await expect(environments.history("production").nth(0)).toContainText(`deploy: ${stable} #`);
  await expect(environments.history("production").nth(0)).toContainText(`to ${release} #`);
  // A roll forward is a deploy: nothing left to roll forward, and Roll back goes to the stable version again.
  await expect(production.getByRole("button", { name: /^Roll forward/ })).toHaveCount(0);
  await expect(production.getByRole("button", { name: `Roll back to ${stable}`, exact: true })).toBeVisible();
});

test("the Roll forward dialog offers to restore the settings that version ran with, and warns when they are not restored", async ({ workspace, page }) => {
  const stamp = Date.now();
  const [stable, release] = [`fwd-stable-${stamp}`, `fwd-release-${stamp}`];
  const key = `FORWARD_TOKEN_${stamp}`;
  const environments = new EnvironmentsPage(page);
  // Staging has a settings revision before the versions run there, so each deployment records one.
  await environments.open();
  await addSetting(environments, "staging", `FORWARD_BASE_${stamp}`, "present from the start");
  await versionsDeployed(workspace, new DeployDialogPage(page), [
    { name: stable, to: ["staging"] },
    { name: release, to: ["staging"] },
  ]);
  await environments.open();
  await environments.rollBack("staging", stable);
  const staging = environments.region("staging");
  await addSetting(environments, "staging", key, "added after the rollback");

  await staging.getByRole("button", { name: `Roll forward to ${release}`, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Roll staging forward to ${release}?` });
  // The settings differ from those the release ran with: restoring them is offered, and checked.
  const restore = dialog.getByRole("checkbox", { name: "Restore settings as they were" });
  await expect(restore).toBeChecked();
  await expect(dialog.getByRole("status").getByRole("listitem").filter({ hasText: /^Keys removed: / })).toContainText(key);
  await restore.uncheck();
  const warning = dialog.getByRole("alert");
  await expect(warning).toContainText(`Settings changed since ${release} last ran here`);
  await expect(warning).toContainText(`${release} will run with today’s settings`);
  await expect(warning.getByRole("listitem").filter({ hasText: /^Added: / })).toContainText(key);
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await dialog.getByRole("button", { name: `Roll forward to ${release}`, exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(await environments.activeVersionName("staging")).toBe(release);

  for (const added of [key, `FORWARD_BASE_${stamp}`]) {
    await staging.getByRole("button", { name: `Delete ${added}` }).click();
    const confirm = page.getByRole("dialog", { name: `Delete ${added} from staging?` });
    await confirm.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(confirm).toBeHidden();
  }
});

async function addSetting(environments: EnvironmentsPage, environment: string, key: string, value: string) {
  const region = environments.region(environment);
  // The settings and their history have loaded: the edit is based on the revision shown.
  await expect(region.getByText(/has no settings yet|^Replace$/).first()).toBeVisible();
  const history = region.getByText("Settings history", { exact: true });
  await history.click();
  await expect(region.getByText(/have not changed yet|^Revision \d+/).first()).toBeVisible();
  await history.click();
  await region.getByRole("button", { name: "New setting" }).click();
  await region.getByRole("textbox", { name: "Key" }).fill(key);
  await region.getByLabel("Value").fill(value);
  await region.getByRole("button", { name: "Add setting" }).click();
  await expect(region.getByText(key)).toBeVisible();
}

test("Deploy a version… picks an older version into staging, marking what runs and ran there", async ({ workspace, page }) => {
  const stamp = Date.now();
  const [older, newer, untried] = [`picked-${stamp}-older`, `picked-${stamp}-newer`, `picked-${stamp}-untried`];
  const environments = new EnvironmentsPage(page);
  const deploy = new DeployDialogPage(page);
  await versionsDeployed(workspace, deploy, [
    { name: older, to: ["staging"] },
    { name: untried, to: [] },
    { name: newer, to: ["staging"] },
  ]);

  await environments.open();
  const picker = await environments.openVersionPicker("staging");
  await picker.getByRole("searchbox", { name: "Search versions" }).fill(`picked-${stamp}`);
  const rows = picker.getByRole("list", { name: `Versions matching “picked-${stamp}”` }).getByRole("button");
  await expect(rows).toHaveCount(3);
  // Newest first; what runs now cannot be picked again, what ran before says so.
  await expect(rows.nth(0)).toHaveAccessibleName(newer);
  await expect(rows.nth(1)).toHaveAccessibleName(untried);
  await expect(rows.nth(2)).toHaveAccessibleName(older);
  await expect(rows.nth(0)).toBeDisabled();
  await expect(rows.nth(0)).toHaveAccessibleDescription(/runs now/);
  await expect(rows.nth(1)).not.toHaveAccessibleDescription(/ran here|runs now/);
  await expect(rows.nth(2)).toHaveAccessibleDescription(/ran here/);
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);

  await environments.pickerVersion(picker, older).click();
  await expect(picker).toBeHidden();
  await expect(deploy.dialog).toHaveAccessibleName(`Deploy ${older} to staging`);
  await deploy.confirm({ environment: "staging", versionName: older });
  expect(await environments.activeVersionName("staging")).toBe(older);
  await expect(environments.history("staging").nth(0)).toContainText(`deploy: ${newer} #`);
  await expect(environments.history("staging").nth(0)).toContainText(`to ${older} #`);
});

test("the version picker fits a 390 px wide screen, even with a long name and description", async ({ workspace, page }) => {
  // The longest name a version may have, without a space to break it.
  const name = `wide-${Date.now()}-`.padEnd(100, "x");
  await workspace.open("README.md");
  await workspace.createVersion(name, `A description long enough to wrap: ${"retry ERP writes on 429 ".repeat(20)}`);
  await page.setViewportSize({ width: 390, height: 844 });
  const environments = new EnvironmentsPage(page);
  await environments.open();
  const picker = await environments.openVersionPicker("production");
  await expect(environments.pickerVersion(picker, name)).toBeVisible();
  const box = (await picker.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Nothing in the dialog reaches past its right edge, not even inside the scrolling list.
  const overflowing = await picker.evaluate((dialog) => {
    const right = dialog.getBoundingClientRect().right;
    return [...dialog.querySelectorAll("*")].filter((element) => element.getBoundingClientRect().right > right + 0.5).map((element) => element.outerHTML.slice(0, 80));
  });
  expect(overflowing).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("a Version History row's Deploy… opens on the first environment that does not run the version", async ({ workspace, page }) => {
  const name = `preselect-${Date.now()}`;
  const deploy = new DeployDialogPage(page);
  await workspace.open("README.md");
  let popover = await workspace.createVersion(name, "Deployed along development, staging and production");
  for (const environment of ["development", "staging", "production"]) {
    await deploy.openFromRow(workspace.versionRow(popover, name));
    await expect(deploy.dialog).toHaveAccessibleName(`Deploy ${name} to ${environment}`);
    await deploy.confirm({ environment, versionName: name });
    popover = await workspace.openVersionHistory();
  }
  // Running everywhere: the dialog opens on the first environment and says it runs there already.
  await deploy.openFromRow(workspace.versionRow(popover, name));
  await expect(deploy.dialog).toHaveAccessibleName(`Deploy ${name} to development`);
  await expect(deploy.dialog.getByText(`development already runs ${name}`)).toBeVisible();
});
