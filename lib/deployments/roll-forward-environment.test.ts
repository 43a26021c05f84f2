import { describe, expect, it } from "vitest";
import { listEnvironments } from "@/lib/environments/list-environments";
import { setupTestDb } from "@/lib/testing/harness";
import type { VersionSummary } from "@/lib/versions/version-summary";
import { deployVersion } from "./deploy-version";
import { findRollForwardTargets } from "./find-roll-forward-targets";
import { rollForwardEnvironment } from "./roll-forward-environment";
import { rollbackEnvironment } from "./rollback-environment";
import { expectConsistentHistory, failure, newProject, newVersion, rowCounts, stubTestSecretKey, deployedNow, value, type TestProject } from "./test-fixtures";

stubTestSecretKey();
const testDb = setupTestDb();

const author = "ada@example.com";

async function setUp(names: string[]) {
  const project = await newProject(testDb.db, "forward");
  const versions: Record<string, VersionSummary> = {};
  for (const name of names) versions[name] = await newVersion(testDb.db, project.projectId, name);
  return { project, versions };
}

function deploy(project: TestProject, version: VersionSummary, environment: keyof TestProject["environments"] = "production") {
  return deployVersion(testDb.db, {
    projectId: project.projectId,
    environmentId: project.environments[environment],
    versionId: version.id,
    author,
    confirmed: true,
  }).then(deployedNow);
}

function rollback(project: TestProject) {
  return rollbackEnvironment(testDb.db, { projectId: project.projectId, environmentId: project.environments.production, author }).then(value);
}

function rollForward(project: TestProject, options: { expectedVersionId?: string; confirmed?: boolean } = {}) {
  return rollForwardEnvironment(testDb.db, { projectId: project.projectId, environmentId: project.environments.production, author, confirmed: true, ...options });
}

async function target(project: TestProject) {
  return (await findRollForwardTargets(testDb.db, [project.environments.production])).get(project.environments.production)?.name ?? null;
}

describe("findRollForwardTargets", () => {
  it("is the version rolled back from, right after a rollback", async () => {
    const { project, versions } = await setUp(["A", "B"]);
    expect(await target(project)).toBeNull();
    await deploy(project, versions.A!);
    await deploy(project, versions.B!);
    expect(await target(project)).toBeNull();
    await rollback(project);
    expect(await target(project)).toBe("B");
  });

  it("disappears after a later deploy", async () => {
    const { project, versions } = await setUp(["A", "B", "C"]);
    await deploy(project, versions.A!);
    await deploy(project, versions.B!);
    await rollback(project);
    await deploy(project, versions.C!);
    expect(await target(project)).toBeNull();
  });

  it("after two rollbacks, undoes the newer one first", async () => {
    const { project, versions } = await setUp(["A", "B", "C"]);
    for (const name of ["A", "B", "C"]) await deploy(project, versions[name]!);
    await rollback(project);
    await rollback(project);
    expect(await target(project)).toBe("B");
  });

  it("is absent when the version rolled back from no longer exists", async () => {
    const { db } = testDb;
    const { project, versions } = await setUp(["A", "B"]);
    await deploy(project, versions.A!);
    const deployedB = await deploy(project, versions.B!);
    await rollback(project);
    // The app never deletes a version; a database cleanup might. Its deployment goes first
    // (version_id restricts), then the rollback's previous_version_id is set to null.
    await db.deployment.delete({ where: { id: deployedB.deployment.id } });
    await db.version.delete({ where: { id: versions.B!.id } });
    expect(await target(project)).toBeNull();
  });

  it("answers per environment, and for none", async () => {
    const { project, versions } = await setUp(["A", "B"]);
    await deploy(project, versions.A!, "staging");
    await deploy(project, versions.B!, "staging");
    await deploy(project, versions.A!);
    await deploy(project, versions.B!);
    await rollback(project);
    const targets = await findRollForwardTargets(testDb.db, Object.values(project.environments));
    expect([...targets.entries()]).toEqual([[project.environments.production, { id: versions.B!.id, number: 2, name: "B" }]]);
    expect((await findRollForwardTargets(testDb.db, [])).size).toBe(0);
  });
});

describe("rollForwardEnvironment", () => {
  it("re-activates the version rolled back from, recorded as a deploy, and walks forward one rollback at a time", async () => {
    const { project, versions } = await setUp(["A", "B", "C"]);
    for (const name of ["A", "B", "C"]) await deploy(project, versions[name]!);
    await rollback(project);
    await rollback(project);

    const forward = deployedNow(await rollForward(project, { expectedVersionId: versions.B!.id }));
    expect(forward.environment).toEqual({ id: project.environments.production, name: "production" });
    expect(forward.deployment).toMatchObject({ kind: "deploy", author, version: { name: "B" }, previousVersion: { name: "A" } });
    await expectConsistentHistory(testDb.db, project.environments.production);
    const production = value(await listEnvironments(testDb.db, project.projectId)).find((environment) => environment.name === "production");
    expect(production).toMatchObject({ activeVersion: { name: "B" }, rollForwardTarget: null, rollbackTarget: { name: "A" } });
  });

  describe("refuses and changes nothing", () => {
    it("when the newest deployment is not a rollback", async () => {
      const { db } = testDb;
      const { project, versions } = await setUp(["A", "B"]);
      await deploy(project, versions.A!);
      await deploy(project, versions.B!);
      const before = await rowCounts(db);
      expect(failure(await rollForward(project))).toEqual({
        code: "conflict",
        message: "production has no rollback to undo: its newest deployment is not a rollback.",
      });
      expect(await rowCounts(db)).toEqual(before);
    });

    it("when the target changed since the user saw it", async () => {
      const { db } = testDb;
      const { project, versions } = await setUp(["A", "B", "C"]);
      for (const name of ["A", "B", "C"]) await deploy(project, versions[name]!);
      await rollback(project);
      expect(await target(project)).toBe("C");
      await rollback(project); // someone else rolled back again meanwhile
      const before = await rowCounts(db);
      expect(failure(await rollForward(project, { expectedVersionId: versions.C!.id }))).toEqual({
        code: "conflict",
        message: "production changed in the meantime: rolling forward would now activate B (#2). Check its history and try again.",
      });
      expect(await rowCounts(db)).toEqual(before);
    });

    it("into production without the confirmation", async () => {
      const { db } = testDb;
      const { project, versions } = await setUp(["A", "B"]);
      await deploy(project, versions.A!);
      await deploy(project, versions.B!);
      await rollback(project);
      const before = await rowCounts(db);
      expect(failure(await rollForward(project, { confirmed: false })).message).toMatch(/needs an explicit confirmation/);
      expect(await rowCounts(db)).toEqual(before);
    });

    it("for an unknown environment or one of another project", async () => {
      const { db } = testDb;
      const { project } = await setUp([]);
      const other = await newProject(db, "forward");
      for (const environmentId of ["no-such-environment", other.environments.production]) {
        expect(failure(await rollForwardEnvironment(db, { projectId: project.projectId, environmentId, author })).code).toBe("not_found");
      }
    });
  });
});
