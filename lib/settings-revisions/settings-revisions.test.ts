import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ProjectActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { promoteEnvironment } from "@/lib/deployments/promote-environment";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { rollForwardEnvironment } from "@/lib/deployments/roll-forward-environment";
import { compareSettingsFingerprint } from "@/lib/deployments/compare-settings-fingerprint";
import { deployedNow, failure, newProject, newVersion, stubTestSecretKey, value, type TestProject } from "@/lib/deployments/test-fixtures";
import { deleteEnvironmentSetting } from "@/lib/environments/delete-environment-setting";
import { readEnvironmentSecrets } from "@/lib/environments/read-environment-secrets";
import { setEnvironmentSetting, type SetEnvironmentSettingRequest } from "@/lib/environments/set-environment-setting";
import { setRequiredApprovals } from "@/lib/environments/set-required-approvals";
import { approveRequest } from "@/lib/requests/approve-request";
import { setupTestDb, testActor } from "@/lib/testing/harness";
import { listSettingsRevisions } from "./list-settings-revisions";

stubTestSecretKey();
const testDb = setupTestDb();

const OLD_TOKEN = "erp_live_old_0000aaaa";
const NEW_TOKEN = "erp_live_new_1111bbbb";

function set(project: TestProject, request: Partial<SetEnvironmentSettingRequest> & { key: string; value: string }, environment: keyof TestProject["environments"] = "production") {
  return setEnvironmentSetting(testDb.db, {
    projectId: project.projectId,
    environmentId: project.environments[environment],
    isSecret: false,
    mode: "create",
    actor: testActor,
    ...request,
  });
}

function secrets(project: TestProject, environment: keyof TestProject["environments"] = "production") {
  return readEnvironmentSecrets(testDb.db, { projectId: project.projectId, environmentId: project.environments[environment] }).then(value);
}

async function revisionRows(environmentId: string) {
  return testDb.db.settingsRevision.findMany({
    where: { environmentId },
    orderBy: { number: "asc" },
    select: { number: true, authorName: true, note: true, restoredFrom: true, entries: { orderBy: { key: "asc" }, select: { key: true, isSecret: true, value: true, encryptedValue: true } } },
  });
}

async function member(role: Role): Promise<ProjectActor> {
  const name = `${role}-${randomUUID().slice(0, 8)}`;
  const user = await testDb.db.user.create({ data: { id: randomUUID(), name, email: `${name}@example.com` } });
  return { id: user.id, name: user.name, role };
}

/**
 * Production ran 1.0.0 with the old token (revision 2), then the token changed (revision 3) and
 * 2.0.0 was deployed with it: a rollback to 1.0.0 may restore revision 2.
 */
async function changedSecretThenDeployed(label: string) {
  const { db } = testDb;
  const project = await newProject(db, label);
  const production = project.environments.production;
  value(await set(project, { key: "ERP_URL", value: "https://erp.example.com" }));
  value(await set(project, { key: "ERP_API_TOKEN", value: OLD_TOKEN, isSecret: true }));
  const v1 = await newVersion(db, project.projectId, "1.0.0");
  deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: production, versionId: v1.id, author: "setup" }));
  value(await set(project, { key: "ERP_API_TOKEN", value: NEW_TOKEN, isSecret: true, mode: "replace" }));
  value(await set(project, { key: "ERP_TIMEOUT", value: "30" }));
  const v2 = await newVersion(db, project.projectId, "2.0.0");
  deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: production, versionId: v2.id, author: "setup" }));
  return { project, production, v1, v2 };
}

describe("settings revisions", () => {
  it("every change records the whole set as the next revision, secrets only encrypted, with its author and note", async () => {
    const { db } = testDb;
    const project = await newProject(db, "revisions");
    const production = project.environments.production;
    expect(value(await set(project, { key: "ERP_URL", value: "https://erp.example.com" })).revision).toBe(1);
    expect(value(await set(project, { key: "ERP_API_TOKEN", value: OLD_TOKEN, isSecret: true, note: "New ERP account" })).revision).toBe(2);
    expect(value(await set(project, { key: "ERP_URL", value: "https://erp2.example.com", mode: "replace" })).revision).toBe(3);
    expect(value(await deleteEnvironmentSetting(db, { projectId: project.projectId, environmentId: production, key: "ERP_URL", actor: testActor })).revision).toBe(4);

    const rows = await revisionRows(production);
    expect(rows.map((row) => [row.number, row.authorName, row.note, row.entries.map((entry) => entry.key)])).toEqual([
      [1, "ada@example.com", "", ["ERP_URL"]],
      [2, "ada@example.com", "New ERP account", ["ERP_API_TOKEN", "ERP_URL"]],
      [3, "ada@example.com", "", ["ERP_API_TOKEN", "ERP_URL"]],
      [4, "ada@example.com", "", ["ERP_API_TOKEN"]],
    ]);
    expect(rows[1]!.entries[1]).toMatchObject({ value: "https://erp.example.com" });
    expect(rows[1]!.entries[0]).toMatchObject({ isSecret: true, value: null, encryptedValue: expect.stringMatching(/^v2\./) });
    const raw = await db.$queryRaw<unknown[]>`SELECT e.* FROM settings_revision_entries e JOIN settings_revisions r ON r.id = e.revision_id WHERE r.environment_id = ${production}`;
    expect(JSON.stringify(raw)).not.toContain(OLD_TOKEN);
    // Other environments are untouched.
    expect(await db.settingsRevision.count({ where: { environmentId: project.environments.staging } })).toBe(0);

    const history = value(await listSettingsRevisions(db, { projectId: project.projectId, environmentId: production }));
    expect(history.current).toBe(4);
    expect(history.revisions.map(({ number, added, changed, removed, secretKeys }) => ({ number, added, changed, removed, secretKeys }))).toEqual([
      { number: 4, added: [], changed: [], removed: ["ERP_URL"], secretKeys: [] },
      { number: 3, added: [], changed: ["ERP_URL"], removed: [], secretKeys: [] },
      { number: 2, added: ["ERP_API_TOKEN"], changed: [], removed: [], secretKeys: ["ERP_API_TOKEN"] },
      { number: 1, added: ["ERP_URL"], changed: [], removed: [], secretKeys: [] },
    ]);
    expect(JSON.stringify(history)).not.toContain(OLD_TOKEN);
  });

  it("are immutable: the database refuses to change or delete one, and they go only with their environment", async () => {
    const { db } = testDb;
    const project = await newProject(db, "immutable");
    value(await set(project, { key: "ERP_API_TOKEN", value: OLD_TOKEN, isSecret: true }));
    const production = project.environments.production;
    await expect(db.$executeRaw`UPDATE settings_revisions SET note = 'edited' WHERE environment_id = ${production}`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`DELETE FROM settings_revisions WHERE environment_id = ${production}`).rejects.toThrow(/immutable/);
    await expect(
      db.$executeRaw`UPDATE settings_revision_entries SET encrypted_value = 'x' WHERE revision_id IN (SELECT id FROM settings_revisions WHERE environment_id = ${production})`,
    ).rejects.toThrow(/immutable/);
    await expect(
      db.$executeRaw`DELETE FROM settings_revision_entries WHERE revision_id IN (SELECT id FROM settings_revisions WHERE environment_id = ${production})`,
    ).rejects.toThrow(/immutable/);
    expect((await revisionRows(production))[0]!.entries).toHaveLength(1);

    await db.$executeRaw`DELETE FROM projects WHERE id = ${project.projectId}`;
    expect(await db.settingsRevision.count({ where: { environmentId: production } })).toBe(0);
  });

  it("refuses an edit made on a revision that is no longer current, and changes nothing", async () => {
    const { db } = testDb;
    const project = await newProject(db, "stale");
    const production = project.environments.production;
    value(await set(project, { key: "ERP_URL", value: "a", baseRevision: 0 }));
    value(await set(project, { key: "ERP_URL", value: "b", mode: "replace", baseRevision: 1 }));
    const stale = failure(await set(project, { key: "ERP_URL", value: "c", mode: "replace", baseRevision: 1 }));
    expect(stale).toMatchObject({ code: "conflict", message: expect.stringContaining("revision 2") });
    expect(failure(await deleteEnvironmentSetting(db, { projectId: project.projectId, environmentId: production, key: "ERP_URL", actor: testActor, baseRevision: 1 }))).toMatchObject({ code: "conflict" });
    expect(await secrets(project)).toEqual({ ERP_URL: "b" });
    expect(await db.settingsRevision.count({ where: { environmentId: production } })).toBe(2);
  });

  it("concurrent edits on the same revision: one is applied, the other refused, none lost", async () => {
    const { db } = testDb;
    const project = await newProject(db, "concurrent");
    const production = project.environments.production;
    value(await set(project, { key: "ERP_URL", value: "start" }));
    const outcomes = await Promise.all(
      ["first", "second", "third"].map((text) => set(project, { key: "ERP_URL", value: text, mode: "replace", baseRevision: 1 })),
    );
    const applied = outcomes.filter((outcome) => outcome.ok);
    expect(applied).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => failure(outcome).code)).toEqual(["conflict", "conflict"]);
    const winner = value(applied[0]!);
    expect(await secrets(project)).toEqual({ ERP_URL: winner.isSecret ? "" : winner.value });

    // Without a base (scripts), concurrent edits of different keys all land, each in its own revision.
    const keys = ["A_KEY", "B_KEY", "C_KEY", "D_KEY"];
    const results = await Promise.all(keys.map((key) => set(project, { key, value: key })));
    expect(results.map((result) => value(result).revision).sort()).toEqual([3, 4, 5, 6]);
    const rows = await revisionRows(production);
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.at(-1)!.entries.map((entry) => entry.key)).toEqual(["A_KEY", "B_KEY", "C_KEY", "D_KEY", "ERP_URL"]);
  });
});

describe("whole rollback", () => {
  it("each deployment records the settings revision it ran with", async () => {
    const { db } = testDb;
    const { production } = await changedSecretThenDeployed("recorded");
    const deployments = await db.deployment.findMany({ where: { environmentId: production }, orderBy: { sequence: "asc" }, select: { settingsRevision: { select: { number: true } } } });
    expect(deployments.map((deployment) => deployment.settingsRevision?.number)).toEqual([2, 4]);
  });

  it("rolling back without the settings keeps them as they are", async () => {
    const { db } = testDb;
    const { project, production, v1 } = await changedSecretThenDeployed("code-only");
    deployedNow(await rollbackEnvironment(db, { projectId: project.projectId, environmentId: production, author: "ada", expectedVersionId: v1.id }));
    expect(await secrets(project)).toEqual({ ERP_URL: "https://erp.example.com", ERP_API_TOKEN: NEW_TOKEN, ERP_TIMEOUT: "30" });
    expect((await revisionRows(production)).map((row) => row.number)).toEqual([1, 2, 3, 4]);
  });

  it("rolling back with the settings restores version and settings together, as a new revision", async () => {
    const { db } = testDb;
    const { project, production, v1 } = await changedSecretThenDeployed("whole");
    const preview = value(await compareSettingsFingerprint(db, { projectId: project.projectId, environmentId: production, versionId: v1.id }));
    expect(preview).toMatchObject({ recorded: true, revision: 2, currentRevision: 4, added: ["ERP_TIMEOUT"], changed: ["ERP_API_TOKEN"], removed: [] });

    const change = deployedNow(
      await rollbackEnvironment(db, { projectId: project.projectId, environmentId: production, author: "ada", expectedVersionId: v1.id, restoreSettings: true }),
    );
    expect(change.deployment).toMatchObject({ version: { id: v1.id }, kind: "rollback", settingsRevision: 5 });
    expect(await secrets(project)).toEqual({ ERP_URL: "https://erp.example.com", ERP_API_TOKEN: OLD_TOKEN });
    const rows = await revisionRows(production);
    expect(rows.map((row) => [row.number, row.restoredFrom])).toEqual([[1, null], [2, null], [3, null], [4, null], [5, 2]]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { environmentId: production, kind: "settings.restored" }, select: { summary: true } });
    expect(event.summary).toEqual({ environment: "production", revision: 5, restoredFrom: 2, added: [], changed: ["ERP_API_TOKEN"], removed: ["ERP_TIMEOUT"] });
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { environmentId: production }, select: { summary: true } }))).not.toMatch(new RegExp(`${OLD_TOKEN}|${NEW_TOKEN}`));

    // Rolling forward with the settings brings 2.0.0's settings back, again as a new revision.
    deployedNow(await rollForwardEnvironment(db, { projectId: project.projectId, environmentId: production, author: "ada", restoreSettings: true }));
    expect(await secrets(project)).toEqual({ ERP_URL: "https://erp.example.com", ERP_API_TOKEN: NEW_TOKEN, ERP_TIMEOUT: "30" });
    expect((await revisionRows(production)).map((row) => [row.number, row.restoredFrom])).toEqual([[1, null], [2, null], [3, null], [4, null], [5, 2], [6, 4]]);
  });

  it("deploying a version that ran here before may restore the settings it ran with, as rolling back does", async () => {
    const { db } = testDb;
    const { project, production, v1, v2 } = await changedSecretThenDeployed("redeploy");
    const v3 = await newVersion(db, project.projectId, "3.0.0");
    deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: production, versionId: v3.id, author: "setup" }));

    // 3.0.0 runs now; picking 1.0.0 from the list (not the rollback target) brings its settings back too.
    const change = deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: production, versionId: v1.id, author: "ada", restoreSettings: true }));
    expect(change.deployment).toMatchObject({ version: { id: v1.id }, kind: "deploy", settingsRevision: 5 });
    expect(await secrets(project)).toEqual({ ERP_URL: "https://erp.example.com", ERP_API_TOKEN: OLD_TOKEN });
    expect((await revisionRows(production)).at(-1)).toMatchObject({ number: 5, restoredFrom: 2 });
    expect(await db.auditEvent.count({ where: { environmentId: production, kind: "settings.restored" } })).toBe(1);

    // Without asking, the settings stay as they are.
    deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: production, versionId: v2.id, author: "ada" }));
    expect(await secrets(project)).toEqual({ ERP_URL: "https://erp.example.com", ERP_API_TOKEN: OLD_TOKEN });

    // A version that never ran here has no settings to restore: refused, nothing deployed.
    const never = await newVersion(db, project.projectId, "4.0.0");
    expect(failure(await deployVersion(db, { projectId: project.projectId, environmentId: production, versionId: never.id, author: "ada", restoreSettings: true }))).toMatchObject({
      code: "conflict",
      message: "No settings were recorded when 4.0.0 ran in production, so they cannot be restored. Continue without restoring the settings.",
    });
    expect((await db.environment.findUniqueOrThrow({ where: { id: production }, select: { activeVersionId: true } })).activeVersionId).toBe(v2.id);
  });

  it("a refused rollback restores nothing", async () => {
    const { db } = testDb;
    const { project, production, v2 } = await changedSecretThenDeployed("refused");
    expect(
      failure(await rollbackEnvironment(db, { projectId: project.projectId, environmentId: production, author: "ada", expectedVersionId: v2.id, restoreSettings: true })),
    ).toMatchObject({ code: "conflict" });
    expect(await secrets(project)).toMatchObject({ ERP_API_TOKEN: NEW_TOKEN });
    expect(await db.settingsRevision.count({ where: { environmentId: production } })).toBe(4);
  });

  it("a protected environment's request carries the restore, and the last approval performs it", async () => {
    const { db } = testDb;
    const { project, production, v1 } = await changedSecretThenDeployed("protected");
    value(await setRequiredApprovals(db, { projectId: project.projectId, environmentId: production, requiredApprovals: 1, actor: testActor }));
    const builder = await member("builder");
    const manager = await member("release_manager");
    const change = value(
      await rollbackEnvironment(db, { projectId: project.projectId, environmentId: production, author: builder.name, authorId: builder.id, role: builder.role, restoreSettings: true }),
    );
    if (change.outcome !== "requested") throw new Error("expected a request");
    const row = await db.deploymentRequest.findUniqueOrThrow({ where: { id: change.request.id }, select: { restoreSettingsRevision: { select: { number: true } } } });
    expect(row.restoreSettingsRevision?.number).toBe(2);
    expect(await secrets(project)).toMatchObject({ ERP_API_TOKEN: NEW_TOKEN });

    const approved = value(await approveRequest(db, { projectId: project.projectId, requestId: change.request.id, actor: manager }));
    expect(approved).toMatchObject({ status: "deployed", deployment: { version: { id: v1.id }, settingsRevision: 5 } });
    expect(await secrets(project)).toEqual({ ERP_URL: "https://erp.example.com", ERP_API_TOKEN: OLD_TOKEN });
    expect((await revisionRows(production)).at(-1)).toMatchObject({ number: 5, restoredFrom: 2, authorName: manager.name });
  });

  it("promoting from staging never copies staging's settings", async () => {
    const { db } = testDb;
    const project = await newProject(db, "promote");
    value(await set(project, { key: "ERP_API_TOKEN", value: "staging-token", isSecret: true }, "staging"));
    value(await set(project, { key: "ERP_API_TOKEN", value: OLD_TOKEN, isSecret: true }));
    const v1 = await newVersion(db, project.projectId, "1.0.0");
    deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.staging, versionId: v1.id, author: "setup" }));
    const promoted = deployedNow(
      await promoteEnvironment(db, { projectId: project.projectId, fromEnvironmentId: project.environments.staging, toEnvironmentId: project.environments.production, author: "ada" }),
    );
    expect(promoted.deployment.settingsRevision).toBe(1);
    expect(await secrets(project)).toEqual({ ERP_API_TOKEN: OLD_TOKEN });
    expect(await db.settingsRevision.count({ where: { environmentId: project.environments.production } })).toBe(1);
  });

  it("cannot restore settings that were never recorded for the target", async () => {
    const { db } = testDb;
    const project = await newProject(db, "unrecorded");
    const production = project.environments.production;
    const v1 = await newVersion(db, project.projectId, "1.0.0");
    deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: production, versionId: v1.id, author: "setup" }));
    value(await set(project, { key: "ERP_URL", value: "a" }));
    const v2 = await newVersion(db, project.projectId, "2.0.0");
    deployedNow(await deployVersion(db, { projectId: project.projectId, environmentId: production, versionId: v2.id, author: "setup" }));
    expect(failure(await rollbackEnvironment(db, { projectId: project.projectId, environmentId: production, author: "ada", restoreSettings: true }))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("No settings were recorded"),
    });
    expect(await secrets(project)).toEqual({ ERP_URL: "a" });
  });
});
