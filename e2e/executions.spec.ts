import { seriousViolations } from "./axe";
import { BASE_URL } from "./base-url";
import { expect, test } from "./fixtures";
import { DeployDialogPage } from "./pages/deploy";
import { EnvironmentsPage } from "./pages/environments";
import { SAMPLE_PROJECT } from "./pages/workspace";

// The version run here is made from the draft as other specs left it (some edit the sample's files,
// e2e/sample-runs.spec.ts runs the seeded, untouched versions): what matters here is that the run is
// queued, run on the version deployed, and shown with its status, input, outcome and logs.

test("Run now runs development's version; Executions shows the run with its status, input, error and logs", async ({ workspace, page }) => {
  // A real run in a worker thread: it waits on the machine, not on a clock.
  test.setTimeout(180_000);
  const name = `run-${Date.now()}`;
  await workspace.open("README.md");
  const popover = await workspace.createVersion(name, "Made by the executions spec");
  const deploy = new DeployDialogPage(page);
  await deploy.openFromRow(workspace.versionRow(popover, name));
  await deploy.chooseEnvironment("development");
  await deploy.confirm({ environment: "development", versionName: name });
  await page.keyboard.press("Escape");

  const environments = new EnvironmentsPage(page);
  await environments.open();
  const development = environments.region("development");
  await expect(development.getByRole("link", { name: "Executions", exact: true })).toBeVisible();
  await development.getByRole("button", { name: "Run now", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Run a workflow in development" });
  await expect(dialog.getByRole("combobox", { name: "Workflow" })).toHaveValue("order-sync");
  await expect(dialog).toContainText(`It runs on ${name} (#`);
  expect(await seriousViolations(page, "[role=dialog]")).toEqual([]);

  const input = dialog.getByRole("textbox", { name: "Input (JSON, optional)" });
  await input.fill("{not json");
  await dialog.getByRole("button", { name: "Run", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("not valid JSON");

  await input.fill('{"since": "2026-03-01"}');
  await dialog.getByRole("button", { name: "Run", exact: true }).click();
  await expect(dialog.getByRole("status")).toContainText(`Queued order-sync on ${name}.`);
  await dialog.getByRole("link", { name: "See the run" }).click();

  await expect(page.getByRole("heading", { name: "Executions in development", level: 1 })).toBeVisible();
  const table = page.getByRole("table");
  for (const column of ["Version", "Status", "Trigger", "Started", "Duration"]) {
    await expect(table.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
  }
  const row = table.getByRole("row").filter({ hasText: name }).first();
  await expect(row).toContainText("Manual");

  const detail = page.getByRole("region", { name: "Execution of order-sync" });
  await expect(detail).toContainText(`${name} #`);
  await expect(detail).toContainText('"since": "2026-03-01"');
  // The first attempt ends with an output, or with the workflow's own error (the sample's retry
  // policy then queues another). The run starts a worker thread and a fresh sandbox, slow on a busy
  // machine: wait for it, not a time.
  await expect(detail.getByRole("heading", { name: /^(Error|Output)$/ })).toBeVisible({ timeout: 60_000 });
  await expect(row).not.toContainText("Running");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("combobox", { name: "Trigger" }).selectOption("http");
  await expect(page.getByText("No executions match.")).toBeVisible();
  await page.getByRole("combobox", { name: "Trigger" }).selectOption("manual");
  await expect(table.getByRole("row").filter({ hasText: name }).first()).toBeVisible();

  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(table).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `page overflows at ${width} px`).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), `at ${width} px`).toEqual([]);
  }
});

test.describe("the HTTP trigger", () => {
  test("answers 202 with the execution's id for the environment's token; refuses no token, a wrong one, an unknown workflow and an oversized body", async ({ page, playwright }) => {
    // Another system calls the hook: no session cookie, only the bearer token.
    const request = await playwright.request.newContext({ baseURL: BASE_URL, storageState: { cookies: [], origins: [] } });
    const environments = new EnvironmentsPage(page);
    await environments.open();
    const development = environments.region("development");
    await development.getByRole("button", { name: "New trigger token", exact: true }).click();
    const token = await development.getByRole("textbox", { name: "Trigger token" }).inputValue();
    expect(token).toMatch(/^dlh_/);
    const hook = (workflow: string) => `/hooks/${SAMPLE_PROJECT}/development/${workflow}`;
    const bearer = (value: string) => ({ authorization: `Bearer ${value}`, "content-type": "application/json" });

    const none = await request.post(hook("order-sync"), { data: { since: "2026-03-01" } });
    expect(none.status()).toBe(401);
    const wrong = await request.post(hook("order-sync"), { headers: bearer(`${token}x`), data: {} });
    expect(wrong.status()).toBe(404);
    const unknownEnvironment = await request.post(`/hooks/${SAMPLE_PROJECT}/nowhere/order-sync`, { headers: bearer(token), data: {} });
    expect(unknownEnvironment.status()).toBe(404);
    const unknownWorkflow = await request.post(hook("no-such-workflow"), { headers: bearer(token), data: {} });
    expect(unknownWorkflow.status()).toBe(404);
    expect(((await unknownWorkflow.json()) as { error: { message: string } }).error.message).toContain("no-such-workflow");
    const oversized = await request.post(hook("order-sync"), { headers: bearer(token), data: { text: "x".repeat(70 * 1024) } });
    expect(oversized.status()).toBe(413);

    const accepted = await request.post(hook("order-sync"), { headers: bearer(token), data: { since: "2026-03-01" } });
    expect(accepted.status()).toBe(202);
    const { executionId } = (await accepted.json()) as { executionId: string };
    await request.dispose();
    await page.goto(`/projects/${SAMPLE_PROJECT}/environments/${(await environments.state("development")).id}/executions?execution=${executionId}`);
    await expect(page.getByRole("region", { name: "Execution of order-sync" })).toContainText("HTTP");
  });
});
