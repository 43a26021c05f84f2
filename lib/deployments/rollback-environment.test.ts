import { describe, expect, it } from "vitest";
import { getEnvironmentHistory } from "@/lib/environments/get-environment-history";
import { listEnvironments } from "@/lib/environments/list-environments";
import { setupTestDb } from "@/lib/testing/harness";
import type { VersionSummary } from "@/lib/versions/version-summary";
import { deployVersion } from "./deploy-version";
import { findRollbackTargets } from "./find-rollback-targets";
import { promoteEnvironment } from "./promote-environment";
import { rollbackEnvironment } from "./rollback-environment";
import {
  expectConsistentHistory,
  deployedNow,
  failure,
  newProject,
  newVersion,
  rowCounts,
  stubTestSecretKey,
  value,
  type TestProject,
} from "./test-fixtures";

stubTestSecretKey();
const testDb = setupTestDb();

const author = "ada@example.com";

async function setUp(names: string[]) {
  const { db } = testDb;
  const project = await newProject(db, "rollback");
  const versions: Record<string, VersionSummary> = {};
  for (const name of names) versions[name] = await newVersion(db, project.projectId, name);
  return { project, versions };
}

function deploy(project: TestProject, version: VersionSummary) {
  return deployVersion(testDb.db, { projectId: project.projectId, environmentId: project.environments.production, versionId: version.id, author });
}

function rollback(project: TestProject, expectedVersionId?: string) {
  return rollbackEnvironment(testDb.db, { projectId: project.projectId, environmentId: project.environments.production, author, expectedVersionId });
}

async function activeName(project: TestProject) {
  const environment = await testDb.db.environment.findUniqueOrThrow({
    where: { id: project.environments.production },
    select: { activeVersion: { select: { name: true } } },
  });
  return environment.activeVersion?.name ?? null;
}

async function targetName(project: TestProject) {
  const environments = value(await listEnvironments(testDb.db, project.projectId));
  return environments.find((environment) => environment.name === "production")?.rollbackTarget?.name ?? null;
}

/** The newest-first history as "kind version←previous" lines. */
async function history(project: TestProject) {
  const page = value(await getEnvironmentHistory(testDb.db, { projectId: project.projectId, environmentId: project.environments.production }));
  return page.items.map((item) => `${item.kind} ${item.version.name}←${item.previousVersion?.name ?? "-"}`);
}

describe("rollbackEnvironment", () => {
  it("walks back one deployment per rollback: A, B, C → B → A → nothing", async () => {
    const { db } = testDb;
    const { project, versions } = await setUp(["A", "B", "C"]);
    for (const name of ["A", "B", "C"]) value(await deploy(project, versions[name]!));
    expect(await targetName(project)).toBe("B");

    const first = deployedNow(await rollback(project, versions.B!.id));
    expect(first.deployment).toMatchObject({ kind: "rollback", author, version: { name: "B" }, previousVersion: { name: "C" } });
    expect(await activeName(project)).toBe("B");
    expect(await targetName(project)).toBe("A");

    value(await rollback(project));
    expect(await activeName(project)).toBe("A");
    expect(await targetName(project)).toBeNull();

    const before = await rowCounts(db);
    expect(failure(await rollback(project))).toEqual({ code: "conflict", message: "production has no earlier version to roll back to." });
    expect(await rowCounts(db)).toEqual(before);
    expect(await activeName(project)).toBe("A");

    expect(await history(project)).toEqual(["rollback A←B", "rollback B←C", "deploy C←B", "deploy B←A", "deploy A←-"]);
    await expectConsistentHistory(db, project.environments.production);
  });

  it("after a rollback, a new deploy is rolled back to the version it replaced, then further back", async () => {
    const { db } = testDb;
    const { project, versions } = await setUp(["A", "B", "C", "D"]);
    for (const name of ["A", "B", "C"]) value(await deploy(project, versions[name]!));
    value(await rollback(project)); // → B
    value(await deploy(project, versions.D!)); // stack: A, B, D
    expect(await targetName(project)).toBe("B");

    value(await rollback(project));
    expect(await activeName(project)).toBe("B");
    value(await rollback(project));
    expect(await activeName(project)).toBe("A");
    expect(failure(await rollback(project)).code).toBe("conflict");
    await expectConsistentHistory(db, project.environments.production);
  });

  it("treats a promotion like a deploy and a redeploy of an older version as a new step", async () => {
    const { db } = testDb;
    const { project, versions } = await setUp(["A", "B"]);
    const fromStaging = (version: VersionSummary) =>
      deployVersion(db, { projectId: project.projectId, environmentId: project.environments.staging, versionId: version.id, author });
    const promote = () =>
      promoteEnvironment(db, {
        projectId: project.projectId,
        fromEnvironmentId: project.environments.staging,
        toEnvironmentId: project.environments.production,
        author,
      });
    value(await fromStaging(versions.A!));
    value(await promote());
    value(await fromStaging(versions.B!));
    value(await promote());
    value(await deploy(project, versions.A!)); // stack: A, B, A

    value(await rollback(project));
    expect(await activeName(project)).toBe("B");
    value(await rollback(project));
    expect(await activeName(project)).toBe("A");
    expect(await history(project)).toEqual(["rollback A←B", "rollback B←A", "deploy A←B", "promote B←A", "promote A←-"]);
  });

  it("rolls back only its own environment", async () => {
    const { db } = testDb;
    const { project, versions } = await setUp(["A", "B"]);
    for (const environmentId of [project.environments.staging, project.environments.production]) {
      for (const name of ["A", "B"]) {
        value(await deployVersion(db, { projectId: project.projectId, environmentId, versionId: versions[name]!.id, author }));
      }
    }
    value(await rollback(project));
    const staging = await db.environment.findUniqueOrThrow({ where: { id: project.environments.staging } });
    expect(staging.activeVersionId).toBe(versions.B!.id);
    expect(await activeName(project)).toBe("A");
  });

  it("never creates, changes or deletes a version", async () => {
    const { db } = testDb;
    const { project, versions } = await setUp(["A", "B"]);
    value(await deploy(project, versions.A!));
    value(await deploy(project, versions.B!));
    const before = await db.version.findMany({ where: { projectId: project.projectId }, include: { rootTree: true }, orderBy: { number: "asc" } });
    value(await rollback(project));
    const after = await db.version.findMany({ where: { projectId: project.projectId }, include: { rootTree: true }, orderBy: { number: "asc" } });
    expect(after).toEqual(before);
  });

  describe("refuses and changes nothing", () => {
    it("with no deployment, or only one", async () => {
      const { db } = testDb;
      const { project, versions } = await setUp(["A"]);
      expect(failure(await rollback(project)).code).toBe("conflict");
      value(await deploy(project, versions.A!));
      const before = await rowCounts(db);
      expect(failure(await rollback(project))).toEqual({ code: "conflict", message: "production has no earlier version to roll back to." });
      expect(await rowCounts(db)).toEqual(before);
    });

    it("when the target changed since the user saw it", async () => {
      const { db } = testDb;
      const { project, versions } = await setUp(["A", "B", "C"]);
      value(await deploy(project, versions.A!));
      value(await deploy(project, versions.B!));
      const shown = (await targetName(project))!;
      expect(shown).toBe("A");
      value(await deploy(project, versions.C!)); // someone else deployed meanwhile
      const before = await rowCounts(db);

      expect(failure(await rollback(project, versions.A!.id))).toEqual({
        code: "conflict",
        message: "production changed in the meantime: rolling back would now activate B (#2). Check its history and try again.",
      });
      expect(await rowCounts(db)).toEqual(before);
    });

    it("an unknown environment or one of another project", async () => {
      const { db } = testDb;
      const { project } = await setUp([]);
      const other = await newProject(db, "rollback");
      const before = await rowCounts(db);
      for (const environmentId of ["no-such-environment", other.environments.production]) {
        expect(failure(await rollbackEnvironment(db, { projectId: project.projectId, environmentId, author }))).toEqual({
          code: "not_found",
          message: "This environment does not exist in this project.",
        });
      }
      expect(await rowCounts(db)).toEqual(before);
    });
  });

  it("stays consistent under 10 concurrent deploys and 10 concurrent rollbacks", async () => {
    const { db } = testDb;
    const names = Array.from({ length: 10 }, (_, index) => `v${index}`);
    const { project, versions } = await setUp(["base", "base2", ...names]);
    value(await deploy(project, versions.base!));
    value(await deploy(project, versions.base2!));

    const results = await Promise.all(
      names.flatMap((name) => [deploy(project, versions[name]!), rollback(project)]),
    );
    for (const result of results.filter((result) => !result.ok)) expect(failure(result).code).toBe("conflict");

    const deployments = await expectConsistentHistory(db, project.environments.production);
    // Replaying the history as a stack: every rollback went to the version below the top.
    const rows = await db.deployment.findMany({
      where: { environmentId: project.environments.production },
      orderBy: { sequence: "asc" },
      select: { kind: true, versionId: true },
    });
    expect(rows).toHaveLength(deployments.length);
    const stack: string[] = [];
    for (const row of rows) {
      if (row.kind === "rollback") {
        stack.pop();
        expect(row.versionId).toBe(stack.at(-1));
      } else {
        stack.push(row.versionId);
      }
    }
    const targets = await findRollbackTargets(db, [project.environments.production]);
    expect(targets.get(project.environments.production)?.id).toBe(stack.at(-2));
  });
});
