import { test as plainTest } from "@playwright/test";
import { versionCount } from "./api";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { DeployDialogPage } from "./pages/deploy";
import { EnvironmentsPage } from "./pages/environments";
import { WorkspacePage } from "./pages/workspace";
import { interceptAction, replay } from "./server-actions";

// Every spec shares one server and database: names are unique per run, and expectations come
// from the state this test creates, never from what other specs may have deployed.

test("deploy the latest draft to production, an older version to staging, then roll production back", async ({ workspace, page }) => {
  const stamp = Date.now();
  const older = `older-${stamp}`;
  const release = `release-${stamp}`;
  const description = `Release ${stamp}: retry ERP writes on 429`;
  const deploy = new DeployDialogPage(page);
  const environments = new EnvironmentsPage(page);

  // An older version running in production, so the release has something to roll back to.
  await workspace.open("README.md");
  await workspace.typeAtStart(`Older ${stamp}\n`);
  await workspace.expectSaved();
  let popover = await workspace.createVersion(older, "The version production ran before the release");
  await deploy.openFromRow(workspace.versionRow(popover, older));
  await deploy.chooseEnvironment("production");
  await expect(deploy.dialog).toHaveAccessibleName(`Deploy ${older} to production`);
  await deploy.confirm({ environment: "production", versionName: older });
  expect(await environments.activeVersionName("production")).toBe(older);

  // Deploy Latest Draft to production, with a name and a description.
  await workspace.typeAtStart(`Release ${stamp}\n`);
  await workspace.expectSaved();
  const dialog = await deploy.openFromHeader();
  await deploy.chooseEnvironment("production");
  await expect(dialog).toHaveAccessibleName("Deploy Latest Draft to production");
  await expect(dialog.getByText(new RegExp(`^Latest version: #\\d+ · ${older}$`))).toBeVisible();
  await expect(dialog.getByText(`Compared with ${older}`, { exact: false })).toBeVisible();
  await expect(dialog.getByText("README.md")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Name" }).fill(release);
  await dialog.getByRole("textbox", { name: "Description" }).fill(description);
  await deploy.confirm({ environment: "production", versionName: release });

  popover = await workspace.openVersionHistory();
  const releaseRow = workspace.versionRow(popover, release);
  await expect(releaseRow).toContainText(description);
  await expect(releaseRow.getByText("production", { exact: true })).toBeVisible();
  await expect(releaseRow.getByText("deployment", { exact: true })).toBeVisible();
  await expect(workspace.versionRow(popover, older).getByText("production", { exact: true })).toHaveCount(0);

  // Deploy the older version to staging: no version is created.
  const versionsBefore = await versionCount(page.request);
  await deploy.openFromRow(workspace.versionRow(popover, older));
  await deploy.chooseEnvironment("staging");
  await expect(deploy.dialog).toHaveAccessibleName(`Deploy ${older} to staging`);
  await expect(deploy.dialog.getByRole("textbox", { name: "Name" })).toHaveCount(0);
  await deploy.confirm({ environment: "staging", versionName: older });
  expect(await versionCount(page.request)).toBe(versionsBefore);
  popover = await workspace.openVersionHistory();
  await expect(workspace.versionRow(popover, older).getByText("staging", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");

  // Roll production back from the Environments page: it runs the older version again.
  await page.getByRole("banner").getByRole("link", { name: "Environments" }).click();
  const production = environments.region("production");
  await expect(production).toContainText(release);
  await environments.rollBack("production", older);
  await expect(production.getByText(`Rolled back`)).toBeVisible();
  expect(await environments.activeVersionName("production")).toBe(older);

  // Newest first: the rollback, the release, the older version's deployment.
  const history = environments.history("production");
  await expect(history.nth(0)).toContainText(`rollback: ${release} #`);
  await expect(history.nth(0)).toContainText(older);
  await expect(history.nth(1)).toContainText(`deploy: ${older} #`);
  await expect(history.nth(1)).toContainText(release);
  await expect(history.nth(2)).toContainText("deploy: ");
  await expect(history.nth(2)).toContainText(older);
  await expect(environments.history("staging").nth(0)).toContainText(older);
});

test("a draft with no changes since a version offers to deploy that version instead", async ({ workspace, page }) => {
  const stamp = Date.now();
  const name = `same-${stamp}`;
  const deploy = new DeployDialogPage(page);
  await workspace.open("README.md");
  await workspace.typeAtStart(`Same ${stamp}\n`);
  await workspace.expectSaved();
  await workspace.createVersion(name, "The draft stays exactly like this");
  await page.keyboard.press("Escape");

  const dialog = await deploy.openFromHeader();
  await deploy.chooseEnvironment("development");
  await expect(dialog.getByText(`The latest draft has no changes since ${name}`)).toBeVisible();
  await dialog.getByRole("button", { name: `Deploy ${name}`, exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(await new EnvironmentsPage(page).activeVersionName("development")).toBe(name);
});

test("Promote to production deploys the version staging runs and records a promotion", async ({ workspace, page }) => {
  const name = `promoted-${Date.now()}`;
  const deploy = new DeployDialogPage(page);
  const environments = new EnvironmentsPage(page);
  await workspace.open("README.md");
  const popover = await workspace.createVersion(name, "Tested in staging, then promoted");
  await deploy.openFromRow(workspace.versionRow(popover, name));
  await deploy.chooseEnvironment("staging");
  await deploy.confirm({ environment: "staging", versionName: name });

  const versionsBefore = await versionCount(page.request);
  await environments.open();
  await environments.region("staging").getByRole("button", { name: "Promote to production" }).click();
  await expect(deploy.dialog).toHaveAccessibleName(`Deploy ${name} to production`);
  await expect(deploy.dialog).toContainText(`which runs in staging. No version is created.`);
  await deploy.confirm({ environment: "production", versionName: name });
  await expect.poll(() => environments.activeVersionName("production")).toBe(name);
  expect(await versionCount(page.request)).toBe(versionsBefore);
  const promotion = environments.history("production").nth(0);
  await expect(promotion).toContainText("promote: ");
  await expect(promotion).toContainText(`to ${name} #`);
});

test("settings per environment: secrets are masked, environments are independent", async ({ page }) => {
  const environments = new EnvironmentsPage(page);
  const key = `ERP_API_TOKEN_${Date.now()}`;
  const secret = "erp_live_9f8e7d6c5b4a3210";
  await environments.open();
  const staging = environments.region("staging");
  await staging.getByRole("button", { name: "New setting" }).click();
  await staging.getByRole("textbox", { name: "Key" }).fill(key);
  await staging.getByRole("checkbox", { name: "Secret" }).check();
  await staging.getByLabel("Value").fill(secret);
  await staging.getByRole("button", { name: "Add setting" }).click();
  await expect(staging.getByText("••••••3210")).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(environments.region("production").getByText(key)).toHaveCount(0);

  await staging.getByRole("button", { name: "New setting" }).click();
  await staging.getByRole("textbox", { name: "Key" }).fill(key);
  await staging.getByLabel("Value").fill("again");
  await staging.getByRole("button", { name: "Add setting" }).click();
  await expect(staging.getByText(`staging already has a setting named ${key}`)).toBeVisible();
  await staging.getByRole("button", { name: "Cancel" }).click();

  await staging.getByRole("button", { name: `Delete ${key}` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete ${key} from staging?` });
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(staging.getByText(key)).toHaveCount(0);
});

test("the deploy dialog and the Environments page pass axe", async ({ workspace, page }) => {
  const deploy = new DeployDialogPage(page);
  await workspace.open("README.md");
  // A draft with changes, so the dialog shows its full form whatever earlier specs deployed.
  await workspace.typeAtStart(`Axe ${Date.now()}\n`);
  await workspace.expectSaved();
  await deploy.openFromHeader();
  await expect(deploy.dialog.getByRole("textbox", { name: "Name" })).toBeVisible();
  await expect(deploy.dialog.getByText(/^(Compared with|Nothing runs in)/)).toBeVisible();
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await page.keyboard.press("Escape");

  const environments = new EnvironmentsPage(page);
  await environments.open();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

// Plain Playwright: the captured request is aborted on purpose, which the browser logs as an error.
plainTest("a production deployment that skips the confirmation is refused by the server", async ({ page, baseURL }) => {
  const workspace = new WorkspacePage(page);
  const name = `unconfirmed-${Date.now()}`;
  const deploy = new DeployDialogPage(page);
  const environments = new EnvironmentsPage(page);

  // Catch the confirmed deployment the dialog sends, and keep it from reaching the server.
  const captured = await interceptAction(page, (body) => body.includes('"confirmed":true'));
  await workspace.open("README.md");
  const popover = await workspace.createVersion(name, "Deployed by a request that skips the confirmation");
  await deploy.openFromRow(workspace.versionRow(popover, name));
  await deploy.chooseEnvironment("production");
  await deploy.dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await deploy.dialog.getByRole("checkbox", { name: `Yes, deploy ${name} to production` }).check();
  await deploy.dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  const action = await captured();
  const before = await environments.state("production");
  const origin = new URL(baseURL!).origin;

  const unconfirmed = await replay(page.request, action, origin, action.body.replace(',"confirmed":true', ""));
  expect(await unconfirmed.text()).toContain("needs an explicit confirmation");
  expect(await environments.state("production")).toEqual(before);

  // The control: the request as the dialog sent it does deploy.
  expect((await replay(page.request, action, origin)).ok()).toBe(true);
  await expect.poll(() => environments.activeVersionName("production")).toBe(name);
});
