import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ProjectActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deployLatestDraft } from "@/lib/deployments/deploy-latest-draft";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { promoteEnvironment } from "@/lib/deployments/promote-environment";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { rollForwardEnvironment } from "@/lib/deployments/roll-forward-environment";
import {
  deployedNow,
  failure,
  newProject,
  newVersion,
  stubTestSecretKey,
  value,
  type TestProject,
} from "@/lib/deployments/test-fixtures";
import { deleteEnvironmentSetting } from "@/lib/environments/delete-environment-setting";
import { getEnvironmentHistory } from "@/lib/environments/get-environment-history";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import { setRequiredApprovals } from "@/lib/environments/set-required-approvals";
import { setupTestDb, testActor } from "@/lib/testing/harness";
import type { VersionSummary } from "@/lib/versions/version-summary";
import { approveRequest } from "./approve-request";
import { cancelRequest } from "./cancel-request";
import { listDeploymentRequests } from "./list-deployment-requests";
import { rejectRequest } from "./reject-request";

stubTestSecretKey();
const testDb = setupTestDb();

const SYSTEM = { id: null, name: "setup" };

async function member(role: Role, name = `${role}-${randomUUID().slice(0, 8)}`): Promise<ProjectActor> {
  const user = await testDb.db.user.create({ data: { id: randomUUID(), name, email: `${name}@example.com` } });
  return { id: user.id, name: user.name, role };
}

/** A project whose staging runs 1.0.0 and needs `approvals` approvals; 2.0.0 is ready to deploy. */
async function protectedProject(approvals: number) {
  const { db } = testDb;
  const project = await newProject(db, "requests");
  const v1 = await newVersion(db, project.projectId, "1.0.0");
  deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.staging, versionId: v1.id, author: "setup" }));
  const v2 = await newVersion(db, project.projectId, "2.0.0");
  await protect(project, approvals);
  return { project, v1, v2 };
}

async function protect(project: TestProject, requiredApprovals: number, environment: keyof TestProject["environments"] = "staging") {
  value(await setRequiredApprovals(testDb.db, { projectId: project.projectId, environmentId: project.environments[environment], requiredApprovals, actor: SYSTEM }));
}

async function request(project: TestProject, version: VersionSummary, by: ProjectActor, note = "Tested in development") {
  const change = value(
    await deployVersion(testDb.db, {
      projectId: project.projectId,
      environmentId: project.environments.staging,
      versionId: version.id,
      author: by.name,
      authorId: by.id,
      role: by.role,
      note,
    }),
  );
  if (change.outcome !== "requested") throw new Error("expected a request");
  return change.request;
}

function approve(project: TestProject, requestId: string, actor: ProjectActor, comment = "") {
  return approveRequest(testDb.db, { projectId: project.projectId, requestId, actor, comment });
}

async function activeIn(project: TestProject, environment: keyof TestProject["environments"] = "staging") {
  const row = await testDb.db.environment.findUniqueOrThrow({ where: { id: project.environments[environment] }, select: { activeVersionId: true } });
  return row.activeVersionId;
}

/** The project's events from its first protection rule on: what the setup before it did (versions, a direct deploy) is not under test here. */
async function events(project: TestProject) {
  const rows = await testDb.db.auditEvent.findMany({ where: { projectId: project.projectId }, orderBy: { id: "asc" }, select: { kind: true, actorId: true, summary: true } });
  return rows.slice(Math.max(0, rows.findIndex((row) => row.kind === "environment.protection_changed")));
}

async function requestRow(requestId: string) {
  return testDb.db.deploymentRequest.findUniqueOrThrow({ where: { id: requestId } });
}

async function listed(project: TestProject, requestId: string) {
  const found = value(await listDeploymentRequests(testDb.db, project.projectId)).find((entry) => entry.id === requestId);
  if (!found) throw new Error("the request is not listed");
  return found;
}

describe("deployment requests", () => {
  it("an unprotected environment deploys directly, with no request", async () => {
    const { db } = testDb;
    const project = await newProject(db, "direct");
    const version = await newVersion(db, project.projectId, "1.0.0");
    const builder = await member("builder");
    const change = value(
      await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.staging, versionId: version.id, author: builder.name, authorId: builder.id, role: builder.role }),
    );
    expect(change.outcome).toBe("deployed");
    expect(await activeIn(project)).toBe(version.id);
    expect(await db.deploymentRequest.count({ where: { projectId: project.projectId } })).toBe(0);
  });

  it("with two approvals required, a builder's request deploys on the second approval, as the requester, naming both approvers", async () => {
    const { db } = testDb;
    const { project, v1, v2 } = await protectedProject(2);
    const builder = await member("builder");
    const manager = await member("release_manager");
    const admin = await member("admin");

    const requested = await request(project, v2, builder);
    expect(requested).toMatchObject({ kind: "deploy", version: { id: v2.id }, requiredApprovals: 2 });
    expect(await activeIn(project)).toBe(v1.id);
    const row = await requestRow(requested.id);
    const { treeHash } = await db.version.findUniqueOrThrow({ where: { id: v2.id }, select: { treeHash: true } });
    expect(row).toMatchObject({ status: "pending", baseVersionId: v1.id, treeHash, requestedById: builder.id, note: "Tested in development" });

    expect(failure(await approve(project, requested.id, builder))).toMatchObject({ code: "forbidden", message: expect.stringContaining("Release manager or Admin") });
    expect(value(await approve(project, requested.id, manager, "Looks right"))).toEqual({ status: "pending", approvals: 1, requiredApprovals: 2 });
    expect(await activeIn(project)).toBe(v1.id);
    expect(failure(await approve(project, requested.id, manager))).toMatchObject({ code: "conflict", message: "You already approved this request." });
    expect(await listed(project, requested.id)).toMatchObject({ status: "pending", approvals: 1, requiredApprovals: 2, changes: { added: 1, modified: 0, removed: 0 } });

    const done = value(await approve(project, requested.id, admin));
    expect(done).toMatchObject({ status: "deployed", approvals: 2, deployment: { kind: "deploy", author: builder.name, version: { id: v2.id } } });
    expect(await activeIn(project)).toBe(v2.id);
    const deployment = await db.deployment.findFirstOrThrow({ where: { environmentId: project.environments.staging }, orderBy: { sequence: "desc" } });
    expect(deployment.authorId).toBe(builder.id);
    expect(await requestRow(requested.id)).toMatchObject({ status: "deployed", deploymentId: deployment.id, closedAt: expect.any(Date) });
    const history = value(await getEnvironmentHistory(db, { projectId: project.projectId, environmentId: project.environments.staging }));
    expect(history.items[0]).toMatchObject({ author: builder.name, approvedBy: [manager.name, admin.name] });

    const kinds = (await events(project)).map((event) => [event.kind, event.actorId]);
    expect(kinds).toEqual([
      ["environment.protection_changed", null],
      ["request.created", builder.id],
      ["request.approved", manager.id],
      ["request.approved", admin.id],
      ["deployment.deployed", admin.id],
    ]);
    expect(failure(await approve(project, requested.id, await member("admin")))).toMatchObject({ code: "conflict" });
  });

  it("refuses the requester's own approval and rejection, even as an admin", async () => {
    const { project, v2 } = await protectedProject(1);
    const admin = await member("admin");
    const requested = await request(project, v2, admin);
    expect(failure(await approve(project, requested.id, admin))).toEqual({
      code: "forbidden",
      message: "You cannot approve your own request: another Release manager or Admin must.",
    });
    expect(failure(await rejectRequest(testDb.db, { projectId: project.projectId, requestId: requested.id, actor: admin }))).toMatchObject({ code: "forbidden" });
    expect(await requestRow(requested.id)).toMatchObject({ status: "pending" });
    expect(await testDb.db.requestApproval.count({ where: { requestId: requested.id } })).toBe(0);
  });

  it("a request is stale after a settings change and cannot be approved", async () => {
    const { db } = testDb;
    const { project, v1, v2 } = await protectedProject(1);
    const builder = await member("builder");
    const manager = await member("release_manager");
    const requested = await request(project, v2, builder);
    value(await setEnvironmentSetting(db, { actor: testActor, projectId: project.projectId, environmentId: project.environments.staging, key: "ERP_URL", value: "https://erp.example", isSecret: false, mode: "create", role: manager.role }));

    expect(await listed(project, requested.id)).toMatchObject({ status: "stale", reason: expect.stringContaining("settings changed"), changes: null });
    expect(failure(await approve(project, requested.id, manager))).toMatchObject({ code: "conflict", message: expect.stringContaining("settings changed") });
    expect(await activeIn(project)).toBe(v1.id);
  });

  it("a request is stale after another deployment and cannot be approved", async () => {
    const { db } = testDb;
    const { project, v1, v2 } = await protectedProject(1);
    const v3 = await newVersion(db, project.projectId, "3.0.0");
    const builder = await member("builder");
    const manager = await member("release_manager");
    const older = await request(project, v2, builder);
    const newer = await request(project, v3, builder);
    expect(value(await approve(project, newer.id, manager))).toMatchObject({ status: "deployed" });

    expect(await listed(project, older.id)).toMatchObject({ status: "stale", reason: expect.stringContaining("runs another version") });
    expect(failure(await approve(project, older.id, manager))).toMatchObject({ code: "conflict", message: expect.stringContaining("runs another version") });
    expect(await activeIn(project)).toBe(v3.id);
    expect(v1.id).not.toBe(v3.id);
  });

  it("a request expires after 7 days: listed as expired, not approvable, not cancellable", async () => {
    const { db } = testDb;
    const { project, v1, v2 } = await protectedProject(1);
    const builder = await member("builder");
    const manager = await member("release_manager");
    const requested = await request(project, v2, builder);
    const row = await requestRow(requested.id);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    await db.deploymentRequest.update({ where: { id: requested.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await listed(project, requested.id)).toMatchObject({ status: "expired" });
    expect(failure(await approve(project, requested.id, manager))).toMatchObject({ code: "conflict", message: expect.stringContaining("expired") });
    expect(failure(await cancelRequest(db, { projectId: project.projectId, requestId: requested.id, actor: builder }))).toMatchObject({ code: "conflict" });
    expect(await activeIn(project)).toBe(v1.id);
  });

  it("only the requester can cancel; a cancelled request cannot be approved", async () => {
    const { db } = testDb;
    const { project, v1, v2 } = await protectedProject(1);
    const builder = await member("builder");
    const manager = await member("release_manager");
    const requested = await request(project, v2, builder);
    expect(failure(await cancelRequest(db, { projectId: project.projectId, requestId: requested.id, actor: manager }))).toMatchObject({ code: "forbidden" });
    expect(value(await cancelRequest(db, { projectId: project.projectId, requestId: requested.id, actor: builder }))).toEqual({ status: "cancelled" });
    expect(await listed(project, requested.id)).toMatchObject({ status: "cancelled" });
    expect(failure(await approve(project, requested.id, manager))).toMatchObject({ code: "conflict", message: expect.stringContaining("cancelled") });
    expect(await activeIn(project)).toBe(v1.id);
    expect((await events(project)).map((event) => event.kind).slice(-1)).toEqual(["request.cancelled"]);
  });

  it("a rejection with a comment closes the request without deploying", async () => {
    const { db } = testDb;
    const { project, v1, v2 } = await protectedProject(2);
    const builder = await member("builder");
    const manager = await member("release_manager");
    const requested = await request(project, v2, builder);
    expect(value(await rejectRequest(db, { projectId: project.projectId, requestId: requested.id, actor: manager, comment: "Not during the sale" }))).toEqual({ status: "rejected" });
    expect(await listed(project, requested.id)).toMatchObject({ status: "rejected", decisions: [{ userName: manager.name, decision: "reject", comment: "Not during the sale" }] });
    expect(failure(await approve(project, requested.id, await member("admin")))).toMatchObject({ code: "conflict", message: "This request was rejected." });
    expect(await activeIn(project)).toBe(v1.id);
    const last = (await events(project)).at(-1);
    expect(last).toMatchObject({ kind: "request.rejected", actorId: manager.id, summary: { comment: "Not during the sale" } });
  });

  it("two last approvals arriving together deploy exactly once", async () => {
    const { db } = testDb;
    const { project, v2 } = await protectedProject(2);
    const builder = await member("builder");
    const requested = await request(project, v2, builder);
    value(await approve(project, requested.id, await member("release_manager")));
    const [first, second] = [await member("release_manager"), await member("admin")];
    const before = await db.deployment.count({ where: { environmentId: project.environments.staging } });

    const results = await Promise.all([approve(project, requested.id, first), approve(project, requested.id, second)]);

    expect(results.filter((result) => result.ok && result.value.status === "deployed")).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error.code)).toEqual(["conflict"]);
    expect(await db.deployment.count({ where: { environmentId: project.environments.staging } })).toBe(before + 1);
    expect(await activeIn(project)).toBe(v2.id);
    const kinds = (await events(project)).map((event) => event.kind);
    expect(kinds.filter((kind) => kind === "deployment.deployed")).toHaveLength(1);
  });

  it("an admin may skip approval only to roll back, and only with a written reason", async () => {
    const { db } = testDb;
    const { project, v1, v2 } = await protectedProject(0);
    deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.staging, versionId: v2.id, author: "setup" }));
    await protect(project, 2);
    const admin = await member("admin");
    const manager = await member("release_manager");
    const base = { projectId: project.projectId, environmentId: project.environments.staging };

    const deploy = await deployVersion(db, { ...base, versionId: v1.id, author: admin.name, authorId: admin.id, role: admin.role, bypassReason: "Outage" });
    expect(failure(deploy)).toMatchObject({ code: "forbidden", message: expect.stringContaining("Only a rollback") });
    const asManager = await rollbackEnvironment(db, { ...base, author: manager.name, authorId: manager.id, role: manager.role, bypassReason: "Outage" });
    expect(failure(asManager)).toMatchObject({ code: "forbidden", message: expect.stringContaining("Only an Admin") });
    const noReason = await rollbackEnvironment(db, { ...base, author: admin.name, authorId: admin.id, role: admin.role, bypassReason: "   " });
    expect(failure(noReason)).toMatchObject({ code: "invalid", fields: { bypassReason: expect.any(String) } });
    expect(await activeIn(project)).toBe(v2.id);

    const bypassed = deployedNow(await rollbackEnvironment(db, { ...base, author: admin.name, authorId: admin.id, role: admin.role, bypassReason: "Orders fail since 2.0.0" }));
    expect(bypassed.deployment).toMatchObject({ kind: "rollback", version: { id: v1.id } });
    expect(await activeIn(project)).toBe(v1.id);
    const last = (await events(project)).at(-1);
    expect(last).toMatchObject({ kind: "request.bypassed", actorId: admin.id, summary: { reason: "Orders fail since 2.0.0", deploymentId: bypassed.deployment.id } });
  });

  it("without a bypass, every path to a protected environment becomes a request of its kind", async () => {
    const { db } = testDb;
    const project = await newProject(db, "paths");
    const [a, b] = [await newVersion(db, project.projectId, "1.0.0"), await newVersion(db, project.projectId, "1.1.0")];
    for (const version of [a, b]) {
      deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.production, versionId: version.id, author: "setup", confirmed: true }));
    }
    deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.staging, versionId: a.id, author: "setup" }));
    await protect(project, 1, "production");
    const builder = await member("builder");
    const as = { author: builder.name, authorId: builder.id, role: builder.role, projectId: project.projectId };
    const production = project.environments.production;

    const rollback = value(await rollbackEnvironment(db, { ...as, environmentId: production }));
    expect(rollback).toMatchObject({ outcome: "requested", request: { kind: "rollback", version: { id: a.id } } });
    // The same change cannot wait twice; withdrawn, it can be asked again another way.
    expect(failure(await rollbackEnvironment(db, { ...as, environmentId: production }))).toMatchObject({ code: "conflict" });
    if (rollback.outcome === "requested") value(await cancelRequest(db, { projectId: project.projectId, requestId: rollback.request.id, actor: builder }));
    const promote = value(await promoteEnvironment(db, { ...as, fromEnvironmentId: project.environments.staging, toEnvironmentId: production, confirmed: true }));
    expect(promote).toMatchObject({ outcome: "requested", request: { kind: "promote", version: { id: a.id } } });
    expect(failure(await deployVersion(db, { ...as, environmentId: production, versionId: a.id, confirmed: false }))).toMatchObject({ code: "invalid" });

    value(await createDraftFile(db, { projectId: project.projectId, path: "workflows/new.ts", content: "export {};\n" }));
    const versionsBefore = await db.version.count({ where: { projectId: project.projectId } });
    const draft = value(await deployLatestDraft(db, { ...as, environmentId: production, name: "1.2.0", confirmed: true, note: "New workflow" }));
    expect(draft).toMatchObject({ outcome: "requested", version: { name: "1.2.0", origin: "deployment" }, request: { kind: "deploy" } });
    expect(await db.version.count({ where: { projectId: project.projectId } })).toBe(versionsBefore + 1);
    expect(await activeIn(project, "production")).toBe(b.id);

    // Roll forward: after a direct rollback while unprotected, protect again.
    await protect(project, 0, "production");
    deployedNow(await rollbackEnvironment(db, { ...as, environmentId: production }));
    await protect(project, 1, "production");
    const forward = value(await rollForwardEnvironment(db, { ...as, environmentId: production, confirmed: true }));
    expect(forward).toMatchObject({ outcome: "requested", request: { kind: "roll_forward", version: { id: b.id } } });
    expect(await activeIn(project, "production")).toBe(a.id);
  });

  it("the protection rule is 0 to 6 and its changes are recorded before and after", async () => {
    const { db } = testDb;
    const project = await newProject(db, "rule");
    const admin = await member("admin");
    const base = { projectId: project.projectId, environmentId: project.environments.production, actor: admin };
    expect(failure(await setRequiredApprovals(db, { ...base, requiredApprovals: 7 }))).toMatchObject({ code: "invalid" });
    expect(failure(await setRequiredApprovals(db, { ...base, requiredApprovals: 1.5 }))).toMatchObject({ code: "invalid" });
    expect(value(await setRequiredApprovals(db, { ...base, requiredApprovals: 2 }))).toEqual({ requiredApprovals: 2 });
    expect(await events(project)).toEqual([
      { kind: "environment.protection_changed", actorId: admin.id, summary: { environment: "production", before: { requiredApprovals: 0 }, after: { requiredApprovals: 2 } } },
    ]);
  });

  it("a protected environment's settings need a Release manager or Admin", async () => {
    const { db } = testDb;
    const { project } = await protectedProject(1);
    const setting = { projectId: project.projectId, environmentId: project.environments.staging, key: "ERP_URL", value: "https://erp.example", isSecret: false, mode: "create" as const };
    expect(failure(await setEnvironmentSetting(db, { actor: testActor, ...setting, role: "builder" }))).toEqual({
      code: "forbidden",
      message: "Only a Release manager or Admin can change a protected environment's settings.",
    });
    value(await setEnvironmentSetting(db, { actor: testActor, ...setting, role: "release_manager" }));
    expect(failure(await deleteEnvironmentSetting(db, { actor: testActor, projectId: project.projectId, environmentId: project.environments.staging, key: "ERP_URL", role: "builder" }))).toMatchObject({ code: "forbidden" });
    // Development is unprotected: a builder may.
    value(await setEnvironmentSetting(db, { actor: testActor, ...setting, environmentId: project.environments.development, role: "builder" }));
  });
});
