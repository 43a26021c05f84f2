import { beforeAll, describe, expect, it } from "vitest";
import * as draftApi from "@/lib/api/v1/draft-operations";
import * as api from "@/lib/api/v1/release-operations";
import { stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import { value } from "@/lib/testing/harness";
import { newMember } from "@/lib/testing/people";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { setupActionsProject, SLUG } from "@/app/projects/[slug]/actions-fixture";
import { callApi } from "./api-test-client";

/** Every /api/v1 endpoint doing its job through the same lib operations as the UI, and the failures each one adds. */
stubTestSecretKey();
const fixture = setupActionsProject();
const ids = fixture.ids;
const tokens = {} as Record<"admin" | "builder" | "releaseManager", string>;
const slug = { slug: SLUG };

beforeAll(async () => {
  const make = async (user: { id: string; name: string }) =>
    value(await createAccessToken(fixture.db, { ...user, isOwner: false }, { name: "routes", projectId: null, expiresInDays: 30 })).token;
  tokens.admin = await make({ id: ids.admin, name: "Ann" });
  tokens.builder = await make({ id: ids.builder, name: "Bob" });
  tokens.releaseManager = await make(await newMember(fixture.db, ids.project, "release_manager", "Rae"));
});

async function json(response: Response, status = 200) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text);
}

describe("draft files", () => {
  it("lists, reads with an ETag, writes with If-Match, and refuses a stale write with 412", async () => {
    const listed = await json(await callApi(draftApi.listDraftFiles, { token: tokens.builder, params: slug }));
    expect(listed.files.map((file: { path: string }) => file.path)).toEqual(["README.md", "integration.yaml", "src/a.ts", "workflows/hello.ts"]);

    const read = await callApi(draftApi.readDraftFile, { token: tokens.builder, params: slug, query: { path: "README.md" } });
    const file = await json(read);
    expect(read.headers.get("etag")).toBe(`"${file.revision}"`);

    const write = (etag: string | null, content: string) =>
      callApi(draftApi.writeDraftFile, { token: tokens.builder, params: slug, query: { path: "README.md" }, body: { content }, headers: etag ? { "if-match": etag } : {} });
    const written = await write(read.headers.get("etag"), "# API\n");
    const saved = await json(written);
    expect(written.headers.get("etag")).toBe(`"${saved.revision}"`);

    const stale = await json(await write(read.headers.get("etag"), "# Lost\n"), 412);
    expect(stale.error).toMatchObject({ code: "precondition_failed", fields: { revision: String(saved.revision) } });
    expect(stale.error.message).toContain("changed since it was read");
    expect((await json(await write(null, "# Blind\n"), 428)).error.code).toBe("precondition_required");
    expect((await json(await write("W/\"1\"", "# Weak\n"), 412)).error.code).toBe("precondition_failed");
    const current = await fixture.db.draftFile.findUniqueOrThrow({ where: { projectId_path: { projectId: ids.project, path: "README.md" } } });
    expect(current.content).toBe("# API\n");
  });

  it("creates, renames and deletes files, with the editor's refusals", async () => {
    await json(await callApi(draftApi.createDraftFile, { token: tokens.builder, params: slug, body: { path: "api/new.ts", content: "n\n" } }), 201);
    expect((await json(await callApi(draftApi.createDraftFile, { token: tokens.builder, params: slug, body: { path: "api/new.ts" } }), 409)).error.code).toBe("conflict");
    expect((await json(await callApi(draftApi.createDraftFile, { token: tokens.builder, params: slug, body: { path: "../x" } }), 400)).error.code).toBe("invalid");
    await json(await callApi(draftApi.renameDraftPath, { token: tokens.builder, params: slug, body: { from: "api/new.ts", to: "api/renamed.ts" } }));
    await json(await callApi(draftApi.deleteDraftPath, { token: tokens.builder, params: slug, query: { path: "api" } }));
    expect(await fixture.db.draftFile.count({ where: { projectId: ids.project, path: { startsWith: "api/" } } })).toBe(0);
    expect((await json(await callApi(draftApi.deleteDraftPath, { token: tokens.builder, params: slug, query: { path: "api" } }), 404)).error.code).toBe("not_found");
  });
});

describe("versions", () => {
  it("creates a version, pages the list with a cursor, searches, shows one, reads a file and diffs", async () => {
    const created = await json(await callApi(api.createVersion, { token: tokens.builder, params: slug, body: { name: "api-1.1", description: "via API" } }), 201);
    expect(created).toMatchObject({ name: "api-1.1", origin: "manual", author: "Bob" });
    expect((await json(await callApi(api.createVersion, { token: tokens.builder, params: slug, body: { name: "api-1.1" } }), 409)).error.code).toBe("conflict");

    const first = await json(await callApi(api.listVersions, { token: tokens.builder, params: slug, query: { limit: "2" } }));
    expect(first.items.map((item: { name: string }) => item.name)).toEqual(["api-1.1", "release-1.0"]);
    expect(first.nextBefore).not.toBeNull();
    const second = await json(await callApi(api.listVersions, { token: tokens.builder, params: slug, query: { limit: "2", before: String(first.nextBefore) } }));
    expect(second.items[0].name).toBe("release-0.9");
    const found = await json(await callApi(api.listVersions, { token: tokens.builder, params: slug, query: { search: "via api" } }));
    expect(found.items.map((item: { name: string }) => item.name)).toEqual(["api-1.1"]);

    const shown = await json(await callApi(api.showVersion, { token: tokens.builder, params: { ...slug, versionId: created.id } }));
    expect(shown.paths).toEqual(["README.md", "integration.yaml", "src/a.ts", "workflows/hello.ts"]);
    expect((await json(await callApi(api.showVersion, { token: tokens.builder, params: { ...slug, versionId: ids.foreignVersion } }), 404)).error.code).toBe("not_found");
    const readme = await json(await callApi(api.readVersionFile, { token: tokens.builder, params: { ...slug, versionId: created.id }, query: { path: "README.md" } }));
    expect(readme.content).toBe("# API\n");

    const diff = await json(await callApi(api.diffRefs, { token: tokens.builder, params: slug, query: { from: ids.older, to: created.id } }));
    expect(diff.summary).toMatchObject({ modified: 2 });
    expect((await json(await callApi(api.diffRefs, { token: tokens.builder, params: slug, query: { from: "nope", to: "draft" } }), 404)).error.code).toBe("not_found");
  });

  it("restores a version as the draft", async () => {
    const restored = await json(await callApi(api.restoreVersion, { token: tokens.builder, params: { ...slug, versionId: ids.older }, body: { saveBackup: true } }));
    expect(restored.restored.id).toBe(ids.older);
    const readme = await fixture.db.draftFile.findUniqueOrThrow({ where: { projectId_path: { projectId: ids.project, path: "src/a.ts" } } });
    expect(readme.content).toBe("a\n");
  });
});

describe("environments and deployments", () => {
  it("lists environments with their active versions and history, and settings with secrets masked", async () => {
    const { environments } = await json(await callApi(api.listEnvironments, { token: tokens.builder, params: slug }));
    expect(environments.map((environment: { name: string }) => environment.name)).toEqual(["development", "staging", "production"]);
    expect(environments[0].activeVersion).toMatchObject({ id: ids.version });
    const history = await json(await callApi(api.environmentHistory, { token: tokens.builder, params: { ...slug, environmentId: ids.development }, query: { limit: "1" } }));
    expect(JSON.stringify(history)).toContain(ids.version);

    const { settings } = await json(await callApi(api.listSettings, { token: tokens.builder, params: { ...slug, environmentId: ids.development } }));
    expect(JSON.stringify(settings)).toContain("API_TOKEN");
    expect(JSON.stringify(settings)).not.toContain("secret-1234");
    await json(await callApi(api.setSetting, { token: tokens.builder, params: { ...slug, environmentId: ids.development }, body: { key: "ERP_URL", value: "https://erp.example" } }));
    await json(await callApi(api.deleteSetting, { token: tokens.builder, params: { ...slug, environmentId: ids.development }, query: { key: "ERP_URL" } }));
  });

  it("deploys a version, promotes it and rolls back, refusing a stale expectation", async () => {
    const staging = { ...slug, environmentId: ids.staging };
    const deployed = await json(await callApi(api.deploy, { token: tokens.builder, params: staging, body: { versionId: ids.older } }), 201);
    expect(deployed).toMatchObject({ outcome: "deployed", version: { id: ids.older }, environment: { id: ids.staging } });
    const both = await json(await callApi(api.deploy, { token: tokens.builder, params: staging, body: { versionId: ids.older, latestDraft: { name: "x" } } }), 400);
    expect(both.error.fields).toHaveProperty("versionId");

    const promoted = await json(
      await callApi(api.promote, { token: tokens.builder, params: staging, body: { fromEnvironmentId: ids.development, expectedVersionId: ids.version } }),
      201,
    );
    expect(promoted).toMatchObject({ outcome: "deployed", kind: "promote", version: { id: ids.version } });
    const stale = await callApi(api.rollback, { token: tokens.builder, params: staging, body: { expectedVersionId: ids.version } });
    expect((await json(stale, 409)).error.code).toBe("conflict");
    const rolledBack = await json(await callApi(api.rollback, { token: tokens.builder, params: staging, body: { expectedVersionId: ids.older } }), 201);
    expect(rolledBack).toMatchObject({ kind: "rollback", version: { id: ids.older } });
  });

  it("asks for approval on a protected environment, lists the request, and lets a release manager approve or reject it", async () => {
    await fixture.db.environment.update({ where: { id: ids.production }, data: { requiredApprovals: 1 } });
    const production = { ...slug, environmentId: ids.production };
    const active = (await fixture.db.environment.findUniqueOrThrow({ where: { id: ids.production } })).activeVersionId;
    const target = active === ids.version ? ids.older : ids.version;
    const requested = await json(await callApi(api.deploy, { token: tokens.builder, params: production, body: { versionId: target, confirmed: true, note: "ship it" } }), 201);
    expect(requested).toMatchObject({ outcome: "requested" });
    const { requests } = await json(await callApi(api.listRequests, { token: tokens.builder, params: slug }));
    const pending = requests.find((request: { status: string }) => request.status === "pending");
    expect(pending).toBeDefined();

    const bobApproves = await callApi(api.approveRequest, { token: tokens.builder, params: { ...slug, requestId: pending.id }, body: {} });
    expect(bobApproves.status).toBe(403);
    const approved = await json(await callApi(api.approveRequest, { token: tokens.releaseManager, params: { ...slug, requestId: pending.id }, body: { comment: "ok" } }));
    expect(approved).toMatchObject({ status: "deployed" });
    expect((await fixture.db.environment.findUniqueOrThrow({ where: { id: ids.production } })).activeVersionId).toBe(target);

    const again = await json(await callApi(api.deploy, { token: tokens.builder, params: production, body: { versionId: active!, confirmed: true } }), 201);
    expect(again.outcome).toBe("requested");
    const next = (await json(await callApi(api.listRequests, { token: tokens.builder, params: slug }))).requests.find((request: { status: string }) => request.status === "pending");
    const rejected = await json(await callApi(api.rejectRequest, { token: tokens.admin, params: { ...slug, requestId: next.id }, body: { comment: "not today" } }));
    expect(rejected).toEqual({ status: "rejected" });
    expect((await json(await callApi(api.rejectRequest, { token: tokens.admin, params: { ...slug, requestId: next.id }, body: {} }), 409)).error.code).toBe("conflict");
  });
});

describe("activity", () => {
  it("exports the log as JSON lines, newest first, API changes included", async () => {
    const response = await callApi(api.exportActivity, { token: tokens.builder, params: slug, query: { format: "jsonl" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/jsonl");
    const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as { kind: string });
    expect(lines.map((line) => line.kind)).toContain("version.created");
    expect((await json(await callApi(api.exportActivity, { token: tokens.builder, params: slug, query: { format: "xml" } }), 400)).error.code).toBe("invalid");
  });
});

describe("roll back to the last healthy version", () => {
  it("refuses while no earlier version ran well, then re-activates the one whose runs succeeded, named by the environment list", async () => {
    const development = { ...slug, environmentId: ids.development };
    const none = await callApi(api.rollbackToLastHealthy, { token: tokens.builder, params: development, body: { expectedVersionId: ids.older } });
    expect((await json(none, 409)).error.message).toBe("development has no earlier version whose recent runs there all succeeded.");

    const { number, name } = await fixture.db.version.findUniqueOrThrow({ where: { id: ids.older } });
    await fixture.db.execution.create({
      data: {
        id: crypto.randomUUID(),
        projectId: ids.project,
        environmentId: ids.development,
        versionId: ids.older,
        versionNumber: number,
        versionName: name,
        workflow: "hello",
        trigger: "http",
        logs: [],
        status: "succeeded",
        finishedAt: new Date(),
      },
    });
    const { environments } = await json(await callApi(api.listEnvironments, { token: tokens.builder, params: slug }));
    expect(environments[0]).toMatchObject({ name: "development", healthyTarget: { id: ids.older }, activeHealth: null });

    const missing = await callApi(api.rollbackToLastHealthy, { token: tokens.builder, params: development, body: {} });
    expect((await json(missing, 400)).error.fields).toHaveProperty("expectedVersionId");
    const rolledBack = await json(await callApi(api.rollbackToLastHealthy, { token: tokens.builder, params: development, body: { expectedVersionId: ids.older } }), 201);
    expect(rolledBack).toMatchObject({ outcome: "deployed", kind: "rollback", version: { id: ids.older } });
  });
});
