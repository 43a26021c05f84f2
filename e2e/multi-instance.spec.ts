import type { APIRequestContext } from "@playwright/test";
import type { EnvironmentHistoryJson, EnvironmentJson } from "@/lib/environments/environment-json";
import { API, draftFile, versionNamed } from "./api";
import { INSTANCE_URLS, expect, test } from "./instances";
import { DeployDialogPage } from "./pages/deploy";
import { capture, replay, type CapturedAction } from "./server-actions";

// The browser's tab is served by instance B; A is reached only through its HTTP API.
test.use({ baseURL: INSTANCE_URLS[1] });

const isAction = (body: string) => (request: { method(): string; headers(): Record<string, string>; postData(): string | null }) =>
  request.method() === "POST" && Boolean(request.headers()["next-action"]) && (request.postData() ?? "").includes(body);

/** Autosaves a file through one instance, as the editor would. */
function saveThrough(request: APIRequestContext, instance: string, path: string, content: string, baseRevision: number) {
  return request.put(`${instance}${API}/files/content?path=${encodeURIComponent(path)}`, { headers: { origin: instance }, data: { content, baseRevision } });
}

/** Sends an action captured from B's page to either instance: the build, and so the action ids, are the same. */
function sendTo(request: APIRequestContext, instance: string, action: CapturedAction, body: string) {
  return replay(request, { ...action, url: action.url.replace(INSTANCE_URLS[1], instance) }, instance, body);
}

test("a change saved through instance A reaches a tab served by instance B within 5 seconds", async ({ instances, workspace, page, request }) => {
  const [a] = instances.urls;
  // Save only once the tab's long poll is waiting on B, so only a notification can end it early.
  const waiting = page.waitForRequest((sent) => sent.url().includes("/draft/changes") && sent.url().includes("seen="));
  await workspace.open("README.md");
  await waiting;

  const stored = await draftFile(request, "README.md");
  const change = `Saved through instance A ${Date.now()}`;
  expect((await saveThrough(request, a, "README.md", `${change}\n${stored.content}`, stored.revision)).ok()).toBe(true);
  await expect(workspace.editorLines).toContainText(change, { timeout: 5_000 });
});

test("saves, versions and deploys through both instances keep every invariant", async ({ instances, workspace, page, playwright }) => {
  const [a, b] = instances.urls;
  const throughA = await playwright.request.newContext({ baseURL: a, storageState: instances.storageState });
  const request = page.request;

  // A stale save through B, after a save through A on the same revision, is refused.
  const stored = await draftFile(throughA, "README.md");
  expect((await saveThrough(request, a, "README.md", `${stored.content} `, stored.revision)).ok()).toBe(true);
  const stale = await saveThrough(request, b, "README.md", `${stored.content}\n`, stored.revision);
  expect(stale.status()).toBe(409);
  expect((await draftFile(request, "README.md")).content).toBe(`${stored.content} `);

  // Version numbers stay unique and consecutive under concurrent creation through both.
  const stamp = Date.now();
  const first = `multi-${stamp}`;
  await workspace.open("README.md");
  const createSent = page.waitForRequest(isAction(first));
  await workspace.createVersion(first, "Created through the tab served by B");
  const createVersion = capture(await createSent);
  const firstNumber = (await versionNamed(throughA, first)).number;
  const names = Array.from({ length: 8 }, (_, index) => `${first}-${index}`);
  const created = await Promise.all(names.map((name, index) => sendTo(request, instances.urls[index % 2]!, createVersion, createVersion.body.replace(first, name))));
  for (const response of created) expect(response.ok()).toBe(true);
  const versions = await Promise.all(names.map((name) => versionNamed(throughA, name)));
  expect(versions.map((version) => version.number).sort((x, y) => x - y)).toEqual(names.map((_, index) => firstNumber + 1 + index));

  // Concurrent deploys to one environment through both: its active version is its newest deployment.
  const deploy = new DeployDialogPage(page);
  await deploy.openFromRow(workspace.versionRow(workspace.versionHistory, first));
  await deploy.chooseEnvironment("development");
  const deploySent = page.waitForRequest(isAction('"environmentId"'));
  await deploy.confirm({ environment: "development", versionName: first });
  const deployVersion = capture(await deploySent);
  const firstId = (await versionNamed(throughA, first)).id;
  const deployed = await Promise.all(
    versions.map((version, index) => sendTo(request, instances.urls[index % 2]!, deployVersion, deployVersion.body.replace(firstId, version.id))),
  );
  for (const response of deployed) expect(response.ok()).toBe(true);

  for (const instance of [throughA, request]) {
    const environments = (await (await instance.get(`${API}/environments`)).json()) as EnvironmentJson[];
    const development = environments.find((environment) => environment.name === "development");
    const history = (await (await instance.get(`${API}/environments/${development?.id}/history`)).json()) as EnvironmentHistoryJson;
    expect(history.items.slice(0, versions.length + 1).map((entry) => entry.version.id).sort()).toEqual([firstId, ...versions.map((version) => version.id)].sort());
    expect(development?.activeVersion?.id).toBe(history.items[0]?.version.id);
  }
  await throughA.dispose();
});
