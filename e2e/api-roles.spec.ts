import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStatePath, type AccountRole } from "./accounts";
import { BASE_URL } from "./base-url";
import { AccountPage } from "./pages/account";
import { SAMPLE_PROJECT } from "./pages/workspace";

/**
 * The token API keeps the role table over HTTP: each role makes a token on its own account page,
 * and the same calls are refused (403) below the role an operation needs and pass the role check
 * above it. The calls that pass are ones that then fail for another reason (an unknown version or
 * request, a stale If-Match, a rollback target that is not the environment's), so the sample
 * project is left as it was.
 */

function api(token: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${BASE_URL}/api/v1/projects/${SAMPLE_PROJECT}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
}

/** What each call answers per role: 403 below the role it needs, and the named status once past the role check. */
const CALLS: Array<{ what: string; call: (token: string, ids: { staging: string; file: string }) => Promise<Response>; answers: Record<"viewer" | "builder" | "release_manager", number> }> = [
  { what: "list versions", call: (token) => api(token, "/versions?limit=1"), answers: { viewer: 200, builder: 200, release_manager: 200 } },
  {
    what: "write a draft file with a stale If-Match",
    call: (token, { file }) => api(token, `/files/content?path=${encodeURIComponent(file)}`, { method: "PUT", body: { content: "x" }, headers: { "if-match": '"0"' } }),
    answers: { viewer: 403, builder: 412, release_manager: 412 },
  },
  {
    what: "deploy an unknown version to staging",
    call: (token, { staging }) => api(token, `/environments/${staging}/deployments`, { method: "POST", body: { versionId: randomUUID() } }),
    answers: { viewer: 403, builder: 404, release_manager: 404 },
  },
  {
    what: "roll staging back to a last healthy version it does not have",
    call: (token, { staging }) => api(token, `/environments/${staging}/rollback-to-last-healthy`, { method: "POST", body: { expectedVersionId: randomUUID() } }),
    answers: { viewer: 403, builder: 409, release_manager: 409 },
  },
  {
    what: "approve an unknown request",
    call: (token) => api(token, `/requests/${randomUUID()}/approve`, { method: "POST", body: {} }),
    answers: { viewer: 403, builder: 403, release_manager: 404 },
  },
];

for (const role of ["viewer", "builder", "release_manager"] as const satisfies AccountRole[]) {
  test(`a ${role}'s token gets what the role table gives a ${role}, over HTTP`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStatePath(role) });
    const page = await context.newPage();
    await page.goto("/account");
    const account = new AccountPage(page);
    const token = await account.finishToken(await account.startToken(`${role} roles check`));
    await context.close();

    const environments = (await (await api(token, "/environments")).json()) as { environments: Array<{ id: string; name: string }> };
    const staging = environments.environments.find((environment) => environment.name === "staging")!.id;
    const files = (await (await api(token, "/files")).json()) as { files: Array<{ path: string }> };
    const ids = { staging, file: files.files[0]!.path };

    for (const { what, call, answers } of CALLS) {
      const response = await call(token, ids);
      const body = await response.text();
      expect(response.status, `${role}: ${what}: ${body}`).toBe(answers[role]);
      if (answers[role] === 403) expect(JSON.parse(body), `${role}: ${what}`).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/\w+ \w+/) } });
    }
  });
}
