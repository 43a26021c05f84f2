import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { BASE_URL } from "./base-url";
import { expect, test } from "./fixtures";
import { DeployDialogPage } from "./pages/deploy";
import { EnvironmentsPage } from "./pages/environments";
import { createSampleCopy } from "./pages/projects";
import { WorkspacePage } from "./pages/workspace";

// On a project of its own (a copy of the sample made here), whose integration.yaml is cut down to
// one workflow that needs no network and is never retried: version A's succeeds, version B's throws.
const PROJECT = { name: "Healthy rollback", slug: "healthy-rollback" };
const WORKFLOW = "ping";
const WORKFLOW_FILE = "workflows/refund-sync.ts";
// Unindented lines that do not start with a bracket, so the editor's auto-indentation and auto-closing have nothing to add.
const INTEGRATION = `workflows: { ${WORKFLOW}: { entry: "${WORKFLOW_FILE}#run" } }\nretries: { maxAttempts: 1 }`;
const HEALTHY = `export async function run() { return { healthy: true }; }`;
const BROKEN = `export async function run() { throw new Error("B cannot reach anything"); }`;

interface Execution {
  id: string;
  status: string;
  versionName: string;
}

/** Replaces a file's whole content in the editor and waits until the draft has it. */
async function replaceFile(workspace: WorkspacePage, path: string, content: string) {
  await workspace.open(path);
  await workspace.focusEditor();
  await workspace.page.keyboard.press("ControlOrMeta+A");
  await workspace.page.keyboard.insertText(content);
  await workspace.expectSaved();
}

async function createAndDeploy(workspace: WorkspacePage, name: string) {
  const popover = await workspace.createVersion(name, `Made by the rollback-to-healthy spec (${name})`);
  const deploy = new DeployDialogPage(workspace.page);
  await deploy.openFromRow(workspace.versionRow(popover, name));
  await deploy.chooseEnvironment("development");
  await deploy.confirm({ environment: "development", versionName: name });
  await workspace.page.keyboard.press("Escape");
}

/** Triggers the workflow over HTTP as another system would, and waits for the run to finish. */
async function triggerAndFinish(hooks: APIRequestContext, page: Page, token: string, environmentId: string): Promise<Execution> {
  const answer = await hooks.post(`/hooks/${PROJECT.slug}/development/${WORKFLOW}?wait=30`, {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    data: {},
  });
  expect(answer.ok(), await answer.text()).toBe(true);
  const body = (await answer.json()) as Execution | { executionId: string };
  const id = "id" in body ? body.id : body.executionId;
  const url = `/api/projects/${PROJECT.slug}/environments/${environmentId}/executions/${id}`;
  // A run starts a worker thread and a fresh sandbox, slow on a busy machine: wait for it to finish, not for a time.
  await expect
    .poll(async () => ((await (await page.request.get(url)).json()) as Execution).status, { timeout: 90_000 })
    .toMatch(/^(succeeded|failed|timed_out)$/);
  return (await (await page.request.get(url)).json()) as Execution;
}

async function addSetting(region: Locator, key: string, value: string) {
  await region.getByRole("button", { name: "New setting" }).click();
  await region.getByRole("textbox", { name: "Key" }).fill(key);
  await region.getByLabel("Value").fill(value);
  await region.getByRole("button", { name: "Add setting" }).click();
  await expect(region.getByRole("button", { name: `Replace ${key}` })).toBeVisible();
}

async function expectFitsAndAccessible(page: Page, visible: Locator, scope: string) {
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(visible).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `page overflows at ${width} px`).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, scope), `at ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("Roll back to last healthy re-activates the earlier version whose runs succeeded, after the new one's runs fail", async ({ workspace: checks, page, playwright }) => {
  void checks; // its checks: no console errors, no request leaving this machine
  test.setTimeout(300_000);
  await createSampleCopy(page, PROJECT);
  const workspace = new WorkspacePage(page, PROJECT.slug);
  const environments = new EnvironmentsPage(page, PROJECT.slug);
  const stamp = Date.now();
  const [healthy, broken] = [`healthy-${stamp}`, `broken-${stamp}`];

  // Settings recorded with each deployment: the first one's are what a whole rollback restores.
  await environments.open();
  await addSetting(environments.region("development"), `MODE_${stamp}`, "calm");
  await replaceFile(workspace, "integration.yaml", INTEGRATION);
  await replaceFile(workspace, WORKFLOW_FILE, HEALTHY);
  await createAndDeploy(workspace, healthy);

  await environments.open();
  let development = environments.region("development");
  // Nothing ran before the healthy version: nothing to go back to.
  await expect(development.getByRole("button", { name: "Roll back to last healthy", exact: true })).toBeDisabled();
  await development.getByRole("button", { name: "New trigger token", exact: true }).click();
  const token = await development.getByRole("textbox", { name: "Trigger token" }).inputValue();
  const environmentId = (await environments.state("development")).id;
  // Another system calls the hook: no session cookie, only the bearer token.
  const hooks = await playwright.request.newContext({ baseURL: BASE_URL, storageState: { cookies: [], origins: [] } });
  const first = await triggerAndFinish(hooks, page, token, environmentId);
  expect(first).toMatchObject({ status: "succeeded", versionName: healthy });

  // The broken version runs with a setting the healthy one never had: rolling back offers to put the settings back too.
  await environments.open();
  await addSetting(environments.region("development"), `FLAG_${stamp}`, "on");
  await replaceFile(workspace, WORKFLOW_FILE, BROKEN);
  await createAndDeploy(workspace, broken);
  for (let run = 0; run < 2; run++) {
    expect(await triggerAndFinish(hooks, page, token, environmentId)).toMatchObject({ status: "failed", versionName: broken });
  }

  // Version History shows each version's success rate where it ran.
  const popover = await workspace.openVersionHistory();
  const healthyRow = workspace.versionRow(popover, healthy);
  const brokenRow = workspace.versionRow(popover, broken);
  await expect(healthyRow).toContainText("development 1/1 ok");
  await expect(healthyRow).toHaveAccessibleDescription(/In development, 1 of 1 finished run succeeded\./);
  await expect(brokenRow).toContainText("development 0/2 ok");
  await expect(brokenRow).toHaveAccessibleDescription(/In development, 0 of 2 finished runs succeeded\./);
  await expectFitsAndAccessible(page, brokenRow, '[role="dialog"]');
  await page.keyboard.press("Escape");

  await environments.open();
  development = environments.region("development");
  await development.getByRole("link", { name: "Executions", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Executions in development", level: 1 })).toBeVisible();
  const failedRows = page.getByRole("table").getByRole("row").filter({ hasText: broken }).filter({ hasText: "Failed" });
  await expect(failedRows).toHaveCount(2);

  await environments.open();
  development = environments.region("development");
  await expect(development.getByText("0 of 2 finished runs succeeded.").first()).toBeAttached();
  // The history says how each deployed version's runs went here.
  await expect(environments.history("development").nth(0)).toContainText("0/2 ok");
  await expect(environments.history("development").nth(1)).toContainText("1/1 ok");
  await development.getByRole("button", { name: "Roll back to last healthy", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Roll back development to ${healthy}?` });
  await expect(dialog).toContainText(`${healthy} is the newest earlier version whose recent runs in development all succeeded.`);
  await expect(dialog.getByRole("checkbox", { name: "Restore settings as they were" })).toBeChecked();
  const confirm = dialog.getByRole("button", { name: `Roll back to ${healthy}`, exact: true });
  await expectFitsAndAccessible(page, confirm, '[role="dialog"]');
  await confirm.click();
  await expect(dialog).toBeHidden();

  expect(await environments.activeVersionName("development")).toBe(healthy);
  // The whole rollback put the settings back as the healthy version ran with them.
  await expect(development.getByText(`MODE_${stamp}`).first()).toBeVisible();
  await expect(development.getByRole("button", { name: `Replace FLAG_${stamp}` })).toHaveCount(0);
  await expect(environments.history("development").nth(0)).toContainText(healthy);
  // The healthy version is active now, and the broken one is no healthy target: nothing further back.
  await expect(development.getByRole("button", { name: "Roll back to last healthy", exact: true })).toBeDisabled();

  expect(await triggerAndFinish(hooks, page, token, environmentId)).toMatchObject({ status: "succeeded", versionName: healthy });
  await hooks.dispose();
});
