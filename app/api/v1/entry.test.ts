import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as draftApi from "@/lib/api/v1/draft-operations";
import * as api from "@/lib/api/v1/release-operations";
import { stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import { save } from "@/lib/testing/draft-helpers";
import { value } from "@/lib/testing/harness";
import { newMember } from "@/lib/testing/people";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";
import { everything, setupActionsProject, SLUG } from "@/app/projects/[slug]/actions-fixture";
import { callApi } from "./api-test-client";

/**
 * withApi, the token API's one entry, through real routes: who the token is (401), where it
 * may act (404), what its role allows (403), limits (413, 429), the error body, CORS and
 * idempotent retries.
 */
stubTestSecretKey();
const fixture = setupActionsProject();
const ids = fixture.ids;
const tokens = {} as Record<"admin" | "builder" | "viewer" | "foreignOnly" | "expired" | "revoked", string>;

beforeAll(async () => {
  const user = async (id: string) => ({ ...(await fixture.db.user.findUniqueOrThrow({ where: { id } })), isOwner: false });
  const make = async (userId: string, projectId: string | null, expiresInDays: 7 | 30 = 30) =>
    value(await createAccessToken(fixture.db, await user(userId), { name: "test", projectId, expiresInDays }));
  tokens.admin = (await make(ids.admin, null)).token;
  tokens.builder = (await make(ids.builder, ids.project)).token;
  const viewer = await newMember(fixture.db, ids.project, "viewer", "Vic");
  tokens.viewer = (await make(viewer.id, null)).token;
  const foreignProject = (await fixture.db.environment.findUniqueOrThrow({ where: { id: ids.foreignEnvironment } })).projectId;
  await fixture.db.projectMember.create({ data: { projectId: foreignProject, userId: ids.builder, role: "builder" } });
  tokens.foreignOnly = (await make(ids.builder, foreignProject)).token;
  const expired = await make(ids.admin, null, 7);
  await fixture.db.accessToken.update({ where: { id: expired.accessToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  tokens.expired = expired.token;
  const revoked = await make(ids.admin, null);
  value(await revokeAccessToken(fixture.db, await user(ids.admin), revoked.accessToken.id));
  tokens.revoked = revoked.token;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Rows a refused call must leave alone (a token's last use and its rate-limit count do move). */
async function state() {
  const rows = await everything(fixture.db);
  return Object.fromEntries(Object.entries(rows).filter(([table]) => table !== "access_tokens" && table !== "rate_limits"));
}

const slug = { slug: SLUG };

describe("the token API's entry", () => {
  it("answers 401 with one error body to a missing, malformed, expired or revoked token, and reads no cookie", async () => {
    for (const token of [null, "not-a-token", "dl_unknown", tokens.expired, tokens.revoked]) {
      const response = await callApi(api.listVersions, { token, params: slug, headers: { cookie: "better-auth.session_token=anything" } });
      expect(response.status, String(token)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="draftline"');
      const body = await response.json();
      expect(body).toEqual({ error: { code: "unauthenticated", message: expect.stringMatching(/token/) } });
    }
  });

  it("acts as the token's owner with their role: 403 naming who may, and nothing changes", async () => {
    const before = await state();
    const response = await callApi(api.deploy, { token: tokens.viewer, params: { ...slug, environmentId: ids.staging }, body: { versionId: ids.version } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: "Only a Builder, Release manager or Admin can deploy." } });
    expect(await state()).toEqual(before);
  });

  it("answers 404 for an unknown project, a project outside the token's scope, and an id that names nothing", async () => {
    const unknown = await callApi(api.listVersions, { token: tokens.admin, params: { slug: "no-such-project" } });
    expect(unknown.status).toBe(404);
    const outOfScope = await callApi(api.listVersions, { token: tokens.foreignOnly, params: slug });
    expect(outOfScope.status).toBe(404);
    expect(await outOfScope.json()).toEqual({ error: { code: "not_found", message: `There is no project "${SLUG}".` } });
    const badId = await callApi(api.showVersion, { token: tokens.admin, params: { ...slug, versionId: "nope" } });
    expect(badId.status).toBe(404);
  });

  it("lists only the projects a token may reach", async () => {
    const all = await (await callApi(draftApi.listProjects, { token: tokens.admin })).json();
    expect(all.projects.map((project: { slug: string }) => project.slug)).toEqual([SLUG]);
    const scoped = await (await callApi(draftApi.listProjects, { token: tokens.foreignOnly })).json();
    expect(scoped.projects.map((project: { slug: string }) => project.slug)).toEqual(["foreign"]);
  });

  it("answers bad input with 400, the message and each field's message", async () => {
    const response = await callApi(api.createVersion, { token: tokens.builder, params: slug, body: { name: "  " } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "invalid", message: "Enter a name for the version.", fields: { name: "Enter a name for the version." } } });
    const notJson = await callApi(api.createVersion, { token: tokens.builder, params: slug, body: "{", headers: { "content-type": "application/json" } });
    expect(await notJson.json()).toMatchObject({ error: { code: "invalid", message: "The request body is not valid JSON." } });
    const badQuery = await callApi(api.listVersions, { token: tokens.builder, params: slug, query: { limit: "0" } });
    expect(badQuery.status).toBe(400);
  });

  it("refuses a body over the limit with 413 and says how large a body may be", async () => {
    const before = await state();
    const content = "x".repeat(8 * 1024 * 1024 + 1);
    const response = await callApi(draftApi.createDraftFile, { token: tokens.builder, params: slug, body: { path: "big.txt", content } });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "too_large", message: "The request body is larger than the 8 MB the API accepts." } });
    expect(await state()).toEqual(before);
  });

  it("limits calls per token: 429 with Retry-After, other tokens unaffected", async () => {
    vi.stubEnv("DRAFTLINE_API_RATE_LIMIT", "3");
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let call = 0; call < 5; call++) {
      const response = await callApi(api.listEnvironments, { token: tokens.viewer, params: slug });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get("retry-after");
        expect(await response.json()).toMatchObject({ error: { code: "too_many_requests" } });
      }
    }
    expect(statuses.slice(-2)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    const other = value(await createAccessToken(fixture.db, { id: ids.admin, name: "Ann", isOwner: false }, { name: "other", projectId: null, expiresInDays: 7 }));
    expect((await callApi(api.listEnvironments, { token: other.token, params: slug })).status).toBe(200);
  });

  it("sends no CORS headers and is never cached", async () => {
    const response = await callApi(api.listEnvironments, { token: tokens.admin, params: slug, headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("replays a retried deploy with the same Idempotency-Key instead of deploying twice", async () => {
    const call = (body: unknown, key: string) =>
      callApi(api.deploy, { token: tokens.builder, params: { ...slug, environmentId: ids.staging }, body, headers: { "idempotency-key": key } });
    const body = { latestDraft: { name: "api-retry-1", description: "from CI" } };
    await save(fixture.db, ids.project, "src/a.ts", "retry 1\n");
    const before = await fixture.db.deployment.count({ where: { environmentId: ids.staging } });
    const first = await call(body, "retry-key-1");
    expect(first.status, await first.clone().text()).toBe(201);
    const answer = await first.json();
    expect(answer).toMatchObject({ outcome: "deployed", version: { name: "api-retry-1" } });
    const retried = await call(body, "retry-key-1");
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(await retried.json()).toEqual(answer);
    expect(await fixture.db.deployment.count({ where: { environmentId: ids.staging } })).toBe(before + 1);
    expect(await fixture.db.version.count({ where: { projectId: ids.project, name: "api-retry-1" } })).toBe(1);

    const reused = await call({ latestDraft: { name: "api-retry-2" } }, "retry-key-1");
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ error: { code: "conflict", message: expect.stringContaining("different request") } });
    expect(await fixture.db.version.count({ where: { projectId: ids.project, name: "api-retry-2" } })).toBe(0);

    // The same key of another token is another key.
    await save(fixture.db, ids.project, "src/a.ts", "retry 3\n");
    const adminCall = await callApi(api.deploy, {
      token: tokens.admin,
      params: { ...slug, environmentId: ids.staging },
      body: { latestDraft: { name: "api-retry-3" } },
      headers: { "idempotency-key": "retry-key-1" },
    });
    expect(adminCall.status).toBe(201);
  });
});
