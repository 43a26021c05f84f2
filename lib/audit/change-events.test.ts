import { describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deployLatestDraft } from "@/lib/deployments/deploy-latest-draft";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { promoteEnvironment } from "@/lib/deployments/promote-environment";
import { rollForwardEnvironment } from "@/lib/deployments/roll-forward-environment";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { deployedNow, failure, newProject, newVersion, stubTestSecretKey, value, type TestProject } from "@/lib/deployments/test-fixtures";
import { deleteEnvironmentSetting } from "@/lib/environments/delete-environment-setting";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import type { Result } from "@/lib/result";
import { setupTestDb } from "@/lib/testing/harness";
import { createVersion } from "@/lib/versions/create-version";
import { restoreVersion } from "@/lib/versions/restore-version";

// Invariant 9: every change writes its audit event in the same transaction; a refused change writes none.

stubTestSecretKey();
const testDb = setupTestDb();

const ada = { id: null, name: "Ada Lovelace" };
const author = { author: ada.name, authorId: ada.id };
const TOKEN = "erp_live_9f8e7d6c5b4a3210";

/** Runs `change` and returns the events it wrote to the project, oldest first. */
async function eventsOf<T>(projectId: string, change: () => Promise<Result<T>>) {
  const { db } = testDb;
  const before = await db.auditEvent.aggregate({ _max: { id: true } });
  const result = await change();
  const events = await db.auditEvent.findMany({
    where: { id: { gt: before._max.id ?? BigInt(0) } },
    orderBy: { id: "asc" },
    select: { projectId: true, environmentId: true, actorId: true, actorName: true, kind: true, summary: true },
  });
  expect(events.every((event) => event.projectId === projectId)).toBe(true);
  return { result, events, kinds: events.map((event) => event.kind) };
}

async function expectRefusedWithoutEvent<T>(projectId: string, change: () => Promise<Result<T>>) {
  const { result, events } = await eventsOf(projectId, change);
  failure(result);
  expect(events).toEqual([]);
}

async function deployed(project: TestProject, name: string, environment: keyof TestProject["environments"] = "production") {
  const version = await newVersion(testDb.db, project.projectId, name);
  value(await deployVersion(testDb.db, { projectId: project.projectId, environmentId: project.environments[environment], versionId: version.id, ...author }));
  return version;
}

describe("versions", () => {
  it("creating a version writes version.created with its id, number, name and origin", async () => {
    const project = await newProject(testDb.db, "events-create");
    const request = { projectId: project.projectId, name: "1.0.0", origin: "manual" as const, ...author };
    const { result, events } = await eventsOf(project.projectId, () => createVersion(testDb.db, request));
    const version = value(result);
    expect(events).toEqual([
      {
        projectId: project.projectId,
        environmentId: null,
        actorId: null,
        actorName: "Ada Lovelace",
        kind: "version.created",
        summary: { versionId: version.id, number: version.number, name: "1.0.0", origin: "manual" },
      },
    ]);
    await expectRefusedWithoutEvent(project.projectId, () => createVersion(testDb.db, request));
    await expectRefusedWithoutEvent(project.projectId, () => createVersion(testDb.db, { ...request, name: " " }));
  });

  it("restoring writes draft.restored, after the backup version's version.created when one is saved", async () => {
    const { db } = testDb;
    const project = await newProject(db, "events-restore");
    const first = await newVersion(db, project.projectId, "1.0.0");
    await newVersion(db, project.projectId, "1.1.0");

    const plain = await eventsOf(project.projectId, () =>
      restoreVersion(db, { projectId: project.projectId, versionId: first.id, saveBackup: true, ...author }),
    );
    expect(plain.kinds).toEqual(["draft.restored"]);
    expect(plain.events[0]!.summary).toEqual({ version: { id: first.id, number: first.number, name: "1.0.0" }, backup: null });

    value(await createDraftFile(db, { projectId: project.projectId, path: "unsaved.txt", content: "work no version holds" }));
    const withBackup = await eventsOf(project.projectId, () =>
      restoreVersion(db, { projectId: project.projectId, versionId: first.id, saveBackup: true, ...author }),
    );
    const { backup } = value(withBackup.result);
    expect(withBackup.kinds).toEqual(["version.created", "draft.restored"]);
    expect(withBackup.events[0]!.summary).toMatchObject({ versionId: backup!.id, origin: "backup" });
    expect(withBackup.events[1]!.summary).toEqual({
      version: { id: first.id, number: first.number, name: "1.0.0" },
      backup: { id: backup!.id, number: backup!.number, name: backup!.name },
    });

    await expectRefusedWithoutEvent(project.projectId, () =>
      restoreVersion(db, { projectId: project.projectId, versionId: "00000000-0000-4000-8000-000000000000", saveBackup: true, ...author }),
    );
  });
});

describe("deployments", () => {
  it("deploying a version writes deployment.deployed with the environment, the versions from and to and the deployment", async () => {
    const { db } = testDb;
    const project = await newProject(db, "events-deploy");
    const older = await deployed(project, "1.0.0");
    const newer = await newVersion(db, project.projectId, "1.1.0");
    const request = { projectId: project.projectId, environmentId: project.environments.production, versionId: newer.id, ...author };
    const { result, events } = await eventsOf(project.projectId, () => deployVersion(db, request));
    expect(events).toEqual([
      {
        projectId: project.projectId,
        environmentId: project.environments.production,
        actorId: null,
        actorName: "Ada Lovelace",
        kind: "deployment.deployed",
        summary: {
          deploymentId: deployedNow(result).deployment.id,
          environment: "production",
          version: { id: newer.id, number: newer.number, name: "1.1.0" },
          previousVersion: { id: older.id, number: older.number, name: "1.0.0" },
        },
      },
    ]);
    await expectRefusedWithoutEvent(project.projectId, () => deployVersion(db, request));
  });

  it("deploying the latest draft writes version.created and deployment.deployed, or nothing when the deployment is refused", async () => {
    const { db } = testDb;
    const project = await newProject(db, "events-draft");
    const request = { projectId: project.projectId, environmentId: project.environments.production, name: "2.0.0", ...author };
    // Refused after the version was made: the transaction takes the version's event back with it.
    await expectRefusedWithoutEvent(project.projectId, () => deployLatestDraft(db, { ...request, confirmed: false }));
    const { result, events, kinds } = await eventsOf(project.projectId, () => deployLatestDraft(db, { ...request, confirmed: true }));
    const outcome = deployedNow(result);
    expect(kinds).toEqual(["version.created", "deployment.deployed"]);
    expect(events[0]!.summary).toMatchObject({ versionId: outcome.version.id, origin: "deployment" });
    expect(events[1]!.summary).toMatchObject({ deploymentId: outcome.deployment.id, previousVersion: null });
    await expectRefusedWithoutEvent(project.projectId, () => deployLatestDraft(db, { ...request, name: "2.0.1" }));
  });

  it("promoting writes deployment.promoted naming both environments", async () => {
    const { db } = testDb;
    const project = await newProject(db, "events-promote");
    const request = { projectId: project.projectId, fromEnvironmentId: project.environments.staging, toEnvironmentId: project.environments.production, ...author };
    await expectRefusedWithoutEvent(project.projectId, () => promoteEnvironment(db, request));
    const version = await deployed(project, "1.0.0", "staging");
    const { kinds, events } = await eventsOf(project.projectId, () => promoteEnvironment(db, request));
    expect(kinds).toEqual(["deployment.promoted"]);
    expect(events[0]!.environmentId).toBe(project.environments.production);
    expect(events[0]!.summary).toMatchObject({
      fromEnvironment: "staging",
      environment: "production",
      version: { id: version.id, number: version.number, name: "1.0.0" },
      previousVersion: null,
    });
  });

  it("rolling back and forward write deployment.rolled_back and deployment.rolled_forward", async () => {
    const { db } = testDb;
    const project = await newProject(db, "events-rollback");
    const where = { projectId: project.projectId, environmentId: project.environments.production, ...author };
    const older = await deployed(project, "1.0.0");
    await expectRefusedWithoutEvent(project.projectId, () => rollbackEnvironment(db, where));
    await expectRefusedWithoutEvent(project.projectId, () => rollForwardEnvironment(db, where));
    const newer = await deployed(project, "1.1.0");
    const back = await eventsOf(project.projectId, () => rollbackEnvironment(db, where));
    expect(back.kinds).toEqual(["deployment.rolled_back"]);
    expect(back.events[0]!.summary).toMatchObject({ version: { id: older.id }, previousVersion: { id: newer.id } });
    const forward = await eventsOf(project.projectId, () => rollForwardEnvironment(db, where));
    expect(forward.kinds).toEqual(["deployment.rolled_forward"]);
    expect(forward.events[0]!.summary).toMatchObject({ version: { id: newer.id }, previousVersion: { id: older.id } });
  });
});

describe("settings", () => {
  function set(project: TestProject, key: string, settingValue: string, isSecret: boolean, mode: "create" | "replace") {
    return setEnvironmentSetting(testDb.db, { projectId: project.projectId, environmentId: project.environments.production, key, value: settingValue, isSecret, mode, actor: ada });
  }
  function remove(project: TestProject, key: string) {
    return deleteEnvironmentSetting(testDb.db, { projectId: project.projectId, environmentId: project.environments.production, key, actor: ada });
  }
  async function summaryOf(project: TestProject, change: () => Promise<Result<unknown>>) {
    const { result, events } = await eventsOf(project.projectId, change);
    value(result);
    expect(events.map((event) => [event.kind, event.environmentId])).toEqual([["settings.changed", project.environments.production]]);
    return events[0]!.summary;
  }

  it("records plain values before and after, and of a secret only that it changed", async () => {
    const project = await newProject(testDb.db, "events-settings");
    const base = { environment: "production", key: "ERP_API_URL" };
    expect(await summaryOf(project, () => set(project, "ERP_API_URL", "https://erp.example.com", false, "create"))).toEqual({
      ...base, change: "added", secret: false, after: "https://erp.example.com",
    });
    expect(await summaryOf(project, () => set(project, "ERP_API_URL", "https://erp2.example.com", false, "replace"))).toEqual({
      ...base, change: "changed", secret: false, before: "https://erp.example.com", after: "https://erp2.example.com",
    });
    expect(await summaryOf(project, () => set(project, "ERP_API_URL", TOKEN, true, "replace"))).toEqual({
      ...base, change: "changed", secret: true, secretBefore: false,
    });
    expect(await summaryOf(project, () => remove(project, "ERP_API_URL"))).toEqual({ ...base, change: "removed", secret: true });

    const token = { environment: "production", key: "ERP_API_TOKEN", secret: true };
    expect(await summaryOf(project, () => set(project, "ERP_API_TOKEN", TOKEN, true, "create"))).toEqual({ ...token, change: "added" });
    expect(await summaryOf(project, () => set(project, "ERP_API_TOKEN", `${TOKEN}-2`, true, "replace"))).toEqual({ ...token, change: "changed" });
    expect(await summaryOf(project, () => set(project, "ERP_API_TOKEN", "now-plain", false, "replace"))).toEqual({
      ...token, change: "changed", secretBefore: true,
    });

    const everything = JSON.stringify(await testDb.db.auditEvent.findMany({ where: { projectId: project.projectId }, select: { summary: true } }));
    expect(everything).not.toContain(TOKEN);
  });

  it("writes nothing for a refused setting change", async () => {
    const project = await newProject(testDb.db, "events-settings-refused");
    value(await set(project, "RETRIES", "3", false, "create"));
    await expectRefusedWithoutEvent(project.projectId, () => set(project, "RETRIES", "4", false, "create"));
    await expectRefusedWithoutEvent(project.projectId, () => set(project, "MISSING", "4", false, "replace"));
    await expectRefusedWithoutEvent(project.projectId, () => set(project, "BAD KEY", "4", false, "create"));
    await expectRefusedWithoutEvent(project.projectId, () => remove(project, "MISSING"));
  });
});

describe("the log", () => {
  it("refuses UPDATE and DELETE of an event, even through raw SQL", async () => {
    const { db } = testDb;
    const project = await newProject(db, "events-append-only");
    await newVersion(db, project.projectId, "1.0.0");
    const event = await db.auditEvent.findFirstOrThrow({ where: { projectId: project.projectId } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { actorName: "Mallory" } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM audit_events WHERE id = ${event.id}`).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where: { projectId: project.projectId } })).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });
});
