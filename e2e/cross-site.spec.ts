import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { API, draftFile, versionNames } from "./api";
import { test as pageTest } from "./fixtures";
import { SAMPLE_PROJECT, WorkspacePage } from "./pages/workspace";
import { rawRequest, type RawResponse } from "./raw-http";
import { interceptAction, replay, type CapturedAction } from "./server-actions";

const FOREIGN_ORIGIN = "http://evil.example";
const README = `${API}/files/content?path=README.md`;
const readme = (request: APIRequestContext) => draftFile(request, "README.md");
const ownOrigin = (baseURL: string | undefined) => new URL(baseURL!).origin;
/** The name a DNS-rebinding page reaches this server under: its own, pointed at 127.0.0.1. */
const reboundHost = (baseURL: string | undefined) => `attacker.example:${new URL(baseURL!).port}`;

async function expectForbiddenJson(response: APIResponse, label: string) {
  expect(response.status(), label).toBe(403);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code, label).toBe("forbidden");
  expect(body.error.message.length, label).toBeGreaterThan(10);
}

function expectMisdirected(response: RawResponse, label: string) {
  expect(response.status, `${label}: ${response.text.slice(0, 200)}`).toBe(421);
  expect(response.text, label).toContain("attacker.example");
}

test.describe("the autosave route refuses cross-site writes", () => {
  test("a JSON save from a foreign Origin is refused with 403 and leaves README.md as it was", async ({ request }) => {
    const before = await readme(request);
    const response = await request.put(README, {
      headers: { origin: FOREIGN_ORIGIN, "content-type": "application/json" },
      data: JSON.stringify({ content: "defaced from another site", baseRevision: before.revision }),
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: "Cross-site requests are not allowed." } });
    expect(await readme(request)).toEqual(before);
  });

  test("a form-style text/plain save is refused and leaves README.md as it was", async ({ request, baseURL }) => {
    const before = await readme(request);
    // What an HTML form with enctype="text/plain" can send without a preflight, from any
    // site (foreign Origin) or with the browser leaving the Origin out.
    for (const origin of [FOREIGN_ORIGIN, ownOrigin(baseURL), undefined]) {
      const response = await request.put(README, {
        headers: { "content-type": "text/plain", ...(origin ? { origin } : {}) },
        data: JSON.stringify({ content: "defaced by a form", baseRevision: before.revision }),
      });
      expect(response.status(), `Origin ${origin ?? "absent"}`).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(["forbidden", "invalid"]).toContain(error.code);
    }
    expect(await readme(request)).toEqual(before);
  });

  test("a save without Origin, with an Origin that is no address, or from another scheme or site is refused with 403", async ({ request, baseURL }) => {
    const before = await readme(request);
    const own = ownOrigin(baseURL);
    const attempts: Array<[string, Record<string, string>]> = [
      ["no Origin and no Referer", {}],
      ["Origin null (a sandboxed frame, a redirect)", { origin: "null" }],
      ["an Origin that is not a URL", { origin: "not a url" }],
      ["an Origin with a path", { origin: `${own}/projects` }],
      ["https:// on the same host", { origin: own.replace("http://", "https://") }],
      ["Sec-Fetch-Site cross-site", { origin: own, "sec-fetch-site": "cross-site" }],
      ["Sec-Fetch-Site same-site", { origin: own, "sec-fetch-site": "same-site" }],
      ["no Origin, a foreign Referer", { referer: `${FOREIGN_ORIGIN}/page` }],
      // Without DRAFTLINE_TRUST_PROXY the forwarded host is the client's word, not a proxy's.
      ["a forged X-Forwarded-Host naming the foreign Origin", { origin: FOREIGN_ORIGIN, "x-forwarded-host": "evil.example" }],
    ];
    for (const [label, headers] of attempts) {
      const response = await request.put(README, {
        headers: { "content-type": "application/json", ...headers },
        data: JSON.stringify({ content: `defaced: ${label}`, baseRevision: before.revision }),
      });
      await expectForbiddenJson(response, label);
    }
    expect(await readme(request)).toEqual(before);
  });

  test("the same save from the app's own origin, or naming it only in Referer, is applied (the refusals above are not vacuous)", async ({ request, baseURL }) => {
    const sources: Array<Record<string, string>> = [
      { origin: ownOrigin(baseURL), "sec-fetch-site": "same-origin" },
      { referer: `${ownOrigin(baseURL)}/projects/${SAMPLE_PROJECT}` },
    ];
    for (const headers of sources) {
      const before = await readme(request);
      const response = await request.put(README, {
        headers: { ...headers, "content-type": "application/json" },
        // The same text, so other specs that read README.md are not disturbed.
        data: JSON.stringify({ content: before.content, baseRevision: before.revision }),
      });
      expect(response.status(), JSON.stringify(headers)).toBe(200);
      const after = await readme(request);
      expect(after.content).toBe(before.content);
      expect(after.revision).toBeGreaterThan(before.revision);
    }
  });
});

test.describe("a DNS-rebinding page, reaching the server under a foreign host name, gets no answer", () => {
  test("pages, JSON routes and the health check refuse a Host that is not the server's", async ({ baseURL }) => {
    const host = reboundHost(baseURL);
    const page = await rawRequest(baseURL!, { path: `/projects/${SAMPLE_PROJECT}`, headers: { host } });
    expectMisdirected(page, "the workspace page");
    expect(page.contentType).toContain("text/plain");
    for (const path of [`${API}/files`, README, "/api/health"]) {
      const response = await rawRequest(baseURL!, { path, headers: { host } });
      expectMisdirected(response, path);
      expect(JSON.parse(response.text)).toMatchObject({ error: { code: "forbidden" } });
    }
  });

  test("the autosave PUT with a matching rebound Origin is refused and changes nothing", async ({ request, baseURL }) => {
    const before = await readme(request);
    const host = reboundHost(baseURL);
    const response = await rawRequest(baseURL!, {
      method: "PUT",
      path: README,
      headers: { host, origin: `http://${host}`, "content-type": "application/json" },
      body: JSON.stringify({ content: "defaced by a rebound page", baseRevision: before.revision }),
    });
    expectMisdirected(response, "PUT");
    expect(await readme(request)).toEqual(before);
  });

  test("the allowed names still answer: 127.0.0.1 and localhost with any port", async ({ baseURL }) => {
    const port = new URL(baseURL!).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "localhost"]) {
      const response = await rawRequest(baseURL!, { path: "/api/health", headers: { host } });
      expect(response.status, host).toBe(200);
    }
  });
});

/** Catches the real "Create version" server action of the dialog, unsent, to replay it. */
async function captureCreateVersion(page: import("@playwright/test").Page, name: string): Promise<CapturedAction> {
  const workspace = new WorkspacePage(page);
  const captured = await interceptAction(page, (body) => body.includes(name));
  await workspace.open("README.md");
  const dialog = await workspace.openCreateVersionDialog();
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("textbox", { name: "Description" }).fill("Replayed by the cross-site test");
  await dialog.getByRole("button", { name: "Create version" }).click();
  return captured();
}

test("a server action replayed cross-site, without Origin or under a rebound Host is refused and changes nothing", async ({ page, baseURL }) => {
  const name = `cross-site-${Date.now()}`;
  const action = await captureCreateVersion(page, name);
  const namesBefore = await versionNames(page.request);
  expect(namesBefore).not.toContain(name);
  const own = ownOrigin(baseURL);
  const send = (headers: Record<string, string>) => page.request.post(action.url, { headers: { ...action.headers, ...headers }, data: action.body });

  const foreign = await replay(page.request, action, FOREIGN_ORIGIN);
  expect(foreign.ok(), `foreign replay answered ${foreign.status()}`).toBe(false);

  const refusals: Array<[string, Record<string, string>]> = [
    ["no Origin and no Referer", {}],
    ["Origin null", { origin: "null" }],
    ["an Origin that is not a URL", { origin: "not a url" }],
    ["https:// on the same host", { origin: own.replace("http://", "https://") }],
    ["Sec-Fetch-Site cross-site", { origin: own, "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site same-site", { origin: own, "sec-fetch-site": "same-site" }],
    ["a forged X-Forwarded-Host naming the foreign Origin", { origin: FOREIGN_ORIGIN, "x-forwarded-host": "evil.example" }],
  ];
  for (const [label, headers] of refusals) {
    const response = await send(headers);
    expect(response.status(), label).toBe(403);
  }

  const host = reboundHost(baseURL);
  const rebound = await rawRequest(baseURL!, {
    method: "POST",
    path: new URL(action.url).pathname + new URL(action.url).search,
    headers: { ...action.headers, host, origin: `http://${host}` },
    body: action.body,
  });
  expectMisdirected(rebound, "the action under a rebound Host");
  expect(await versionNames(page.request)).toEqual(namesBefore);

  // The control: the very same request from the app's own origin does create the version.
  const accepted = await send({ origin: own, "sec-fetch-site": "same-origin" });
  expect(accepted.ok(), `same-origin replay answered ${accepted.status()}`).toBe(true);
  await expect.poll(() => versionNames(page.request)).toEqual([name, ...namesBefore]);
});

/** Every dynamic segment of the JSON routes, one at a time, as bytes that are no text. */
const ROUTES = [
  "/api/projects/[slug]/files",
  "/api/projects/[slug]/files/content?path=README.md",
  "/api/projects/[slug]/compare?from=draft&to=draft",
  "/api/projects/[slug]/environments",
  "/api/projects/[slug]/environments/[environmentId]/deploy-preview",
  "/api/projects/[slug]/environments/[environmentId]/history",
  "/api/projects/[slug]/environments/[environmentId]/versions-run",
  "/api/projects/[slug]/environments/[environmentId]/settings-comparison",
  "/api/projects/[slug]/environments/[environmentId]/settings",
  "/api/projects/[slug]/environments/[environmentId]/settings-revisions",
  "/api/projects/[slug]/environments/[environmentId]/settings-revisions/compare?from=1&to=1",
  "/api/projects/[slug]/draft/changes",
  "/api/projects/[slug]/draft/unchanged-since",
  "/api/projects/[slug]/draft/status",
  "/api/projects/[slug]/versions",
  "/api/projects/[slug]/versions/names",
  "/api/projects/[slug]/versions/[versionId]/files?path=README.md",
  "/api/projects/[slug]/versions/[versionId]/restore-preview",
  "/api/projects/[slug]/versions/authors",
];
const NOT_TEXT = ["%FF", "%ED%A0%80", "%C0%AF"];

function withBadSegment(route: string, bad: string): string[] {
  const id = randomUUID();
  const names = route.match(/\[\w+\]/g) ?? [];
  return names.map((target) => names.reduce((path, name) => path.replace(name, name === target ? bad : name === "[slug]" ? SAMPLE_PROJECT : id), route));
}

test("a path segment that is no text is a 400 JSON error on every dynamic route", async ({ request, baseURL }) => {
  const failures: string[] = [];
  for (const route of ROUTES) {
    for (const bad of NOT_TEXT) {
      for (const path of withBadSegment(route, bad)) {
        const response = await request.get(path);
        const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        if (response.status() !== 400 || body?.error?.code !== "invalid" || !body.error.message) failures.push(`GET ${path} → ${response.status()}`);
      }
    }
  }
  const before = await readme(request);
  const save = await request.put(`/api/projects/%FF/files/content?path=README.md`, {
    headers: { origin: ownOrigin(baseURL), "content-type": "application/json" },
    data: JSON.stringify({ content: "x", baseRevision: before.revision }),
  });
  if (save.status() !== 400) failures.push(`PUT /api/projects/%FF/files/content → ${save.status()}`);
  expect(failures).toEqual([]);
  expect(await readme(request)).toEqual(before);
});

pageTest("a page address with a segment that is no text shows a styled not-found page", async ({ workspace, page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(/status of 404 \(Not Found\)/);
  for (const path of [
    "/projects/%FF/compare",
    "/projects/%ED%A0%80/environments",
    `/projects/${SAMPLE_PROJECT}/versions/%FF`,
    `/projects/%C0%AF/versions/${randomUUID()}`,
    "/%FF",
    "/no/such/%ED%A0%80",
  ]) {
    const response = await page.goto(path);
    // A page that streams (a loading state) has sent 200 before it knows; the page is what counts.
    expect(response?.status(), path).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1, name: /not found/ }), path).toBeVisible();
    await expect(page.getByRole("link", { name: "All projects" }), path).toBeVisible();
  }
  expect(workspace).toBeTruthy();
});
