import { describe, expect, it } from "vitest";
import { getEnvironmentHistory } from "@/lib/environments/get-environment-history";
import { listEnvironments } from "@/lib/environments/list-environments";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import { setupTestDb, testActor } from "@/lib/testing/harness";
import { deployVersion } from "./deploy-version";
import { promoteEnvironment } from "./promote-environment";
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

function deploy(project: TestProject, versionId: string, environment: keyof TestProject["environments"] = "production") {
  return deployVersion(testDb.db, { projectId: project.projectId, environmentId: project.environments[environment], versionId, author });
}

async function activeVersionId(environmentId: string) {
  return (await testDb.db.environment.findUniqueOrThrow({ where: { id: environmentId } })).activeVersionId;
}

describe("deployVersion", () => {
  it("makes a version active and records where it came from", async () => {
    const { db } = testDb;
    const project = await newProject(db, "deploy");
    const first = await newVersion(db, project.projectId, "1.0.0");
    const second = await newVersion(db, project.projectId, "1.1.0");
    const versionsBefore = await db.version.count();

    const deployed = deployedNow(await deploy(project, first.id));
    expect(deployed).toEqual({
      outcome: "deployed",
      environment: { id: project.environments.production, name: "production" },
      deployment: {
        id: expect.any(String),
        sequence: expect.any(Number),
        kind: "deploy",
        author,
        createdAt: expect.any(Date),
        version: { id: first.id, number: 1, name: "1.0.0" },
        previousVersion: null,
        approvedBy: [],
        settingsRevision: null,
      },
    });
    expect(await activeVersionId(project.environments.production)).toBe(first.id);

    const next = deployedNow(await deploy(project, second.id));
    expect(next.deployment).toMatchObject({
      version: { id: second.id, number: 2, name: "1.1.0" },
      previousVersion: { id: first.id, number: 1, name: "1.0.0" },
    });
    expect(next.deployment.sequence).toBeGreaterThan(deployed.deployment.sequence);
    expect(await activeVersionId(project.environments.production)).toBe(second.id);
    expect(await db.version.count()).toBe(versionsBefore);
    await expectConsistentHistory(db, project.environments.production);
  });

  it("returns the same entry the environment's history reads back, settings revision included", async () => {
    const { db } = testDb;
    const project = await newProject(db, "deploy-entry");
    const [first, second] = [await newVersion(db, project.projectId, "1.0.0"), await newVersion(db, project.projectId, "1.1.0")];
    const environmentId = project.environments.staging;
    value(await setEnvironmentSetting(db, { projectId: project.projectId, environmentId, key: "API_URL", value: "https://a", isSecret: false, mode: "create", actor: testActor }));

    const entries = [deployedNow(await deploy(project, first.id, "staging")), deployedNow(await deploy(project, second.id, "staging"))].map(
      (outcome) => outcome.deployment,
    );
    const history = value(await getEnvironmentHistory(db, { projectId: project.projectId, environmentId }));
    expect(history.items).toEqual([...entries].reverse());
    expect(entries[1]!.settingsRevision).toBe(1);
  });

  it("records a promotion when asked", async () => {
    const { db } = testDb;
    const project = await newProject(db, "deploy");
    const version = await newVersion(db, project.projectId, "1.0.0");
    const promoted = deployedNow(
      await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.staging, versionId: version.id, author, kind: "promote" }),
    );
    expect(promoted.deployment.kind).toBe("promote");
  });

  it("changes only the chosen environment", async () => {
    const { db } = testDb;
    const project = await newProject(db, "independent");
    const first = await newVersion(db, project.projectId, "1.0.0");
    const second = await newVersion(db, project.projectId, "1.1.0");
    value(await deploy(project, first.id, "staging"));
    value(await deploy(project, first.id, "production"));

    value(await deploy(project, second.id, "staging"));

    expect(await activeVersionId(project.environments.staging)).toBe(second.id);
    expect(await activeVersionId(project.environments.production)).toBe(first.id);
    expect(await activeVersionId(project.environments.development)).toBeNull();
    expect(await db.deployment.count({ where: { environmentId: project.environments.production } })).toBe(1);
  });

  it("stores the settings fingerprint: keys and hashes, never values", async () => {
    const { db } = testDb;
    const project = await newProject(db, "fingerprint");
    const version = await newVersion(db, project.projectId, "1.0.0");
    const environmentId = project.environments.production;
    for (const [key, settingValue, isSecret] of [
      ["ERP_API_URL", "https://erp.example.com", false],
      ["ERP_API_TOKEN", "erp_live_9f8e7d6c5b4a3210", true],
    ] as const) {
      value(await setEnvironmentSetting(db, { projectId: project.projectId, environmentId, key, value: settingValue, isSecret, mode: "create", actor: testActor }));
    }

    const deployed = deployedNow(await deploy(project, version.id));

    const row = await db.deployment.findUniqueOrThrow({ where: { id: deployed.deployment.id } });
    expect(row.settingsFingerprint).toEqual({
      ERP_API_URL: { secret: false, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ERP_API_TOKEN: { secret: true, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const stored = JSON.stringify(row.settingsFingerprint);
    expect(stored).not.toContain("erp.example.com");
    expect(stored).not.toContain("erp_live");
  });

  describe("refuses and changes nothing", () => {
    it("the version that is already active", async () => {
      const { db } = testDb;
      const project = await newProject(db, "same");
      const version = await newVersion(db, project.projectId, "1.1.0");
      value(await deploy(project, version.id));
      const before = await rowCounts(db);

      expect(failure(await deploy(project, version.id))).toEqual({
        code: "conflict",
        message: "1.1.0 (#1) is already active in production.",
      });
      expect(await rowCounts(db)).toEqual(before);
    });

    it("a deployment into production the person did not confirm; other environments need no confirmation", async () => {
      const { db } = testDb;
      const project = await newProject(db, "confirm");
      const version = await newVersion(db, project.projectId, "1.0.0");
      const request = { projectId: project.projectId, versionId: version.id, author, confirmed: false };
      const before = await rowCounts(db);

      expect(failure(await deployVersion(db, { ...request, environmentId: project.environments.production }))).toEqual({
        code: "invalid",
        message: "Deploying to production needs an explicit confirmation that names the version and the environment.",
      });
      expect(await rowCounts(db)).toEqual(before);

      value(await deployVersion(db, { ...request, environmentId: project.environments.staging }));
      value(await deployVersion(db, { ...request, environmentId: project.environments.production, confirmed: true }));
      expect(await activeVersionId(project.environments.production)).toBe(version.id);
    });

    it("unknown ids, another project's environment or version, and an unknown kind", async () => {
      const { db } = testDb;
      const project = await newProject(db, "foreign");
      const other = await newProject(db, "foreign");
      const version = await newVersion(db, project.projectId, "1.0.0");
      const foreignVersion = await newVersion(db, other.projectId, "9.9.9");
      const before = await rowCounts(db);
      const environmentId = project.environments.production;

      const attempts = [
        [{ projectId: project.projectId, environmentId: "no-such-environment", versionId: version.id }, "This environment does not exist in this project."],
        [{ projectId: project.projectId, environmentId: other.environments.production, versionId: version.id }, "This environment does not exist in this project."],
        [{ projectId: project.projectId, environmentId, versionId: "no-such-version" }, "This version does not exist in this project."],
        [{ projectId: project.projectId, environmentId, versionId: foreignVersion.id }, "This version does not exist in this project."],
        [{ projectId: "no-such-project", environmentId, versionId: version.id }, "This environment does not exist in this project."],
      ] as const;
      for (const [request, message] of attempts) {
        expect(failure(await deployVersion(db, { ...request, author }))).toEqual({ code: "not_found", message });
      }
      const rollback = await deployVersion(db, { projectId: project.projectId, environmentId, versionId: version.id, author, kind: "rollback" as "deploy" });
      expect(failure(rollback).code).toBe("invalid");

      expect(await rowCounts(db)).toEqual(before);
    });
  });

  describe("under concurrency, the active version is always the newest deployment's", () => {
    it("20 concurrent deploys of different versions to one environment", async () => {
      const { db } = testDb;
      const project = await newProject(db, "concurrent");
      const versions = [];
      for (let index = 0; index < 20; index++) versions.push(await newVersion(db, project.projectId, `v${index}`));

      const results = await Promise.all(versions.map((version) => deploy(project, version.id)));

      expect(results.every((result) => result.ok)).toBe(true);
      const deployments = await expectConsistentHistory(db, project.environments.production);
      expect(deployments).toHaveLength(20);
      expect(new Set(deployments.map((deployment) => deployment.versionId)).size).toBe(20);
      const sequences = results.map((result) => deployedNow(result).deployment.sequence);
      expect(new Set(sequences).size).toBe(20);
    });

    it("20 concurrent deploys alternating between two versions: each one that succeeds really changes the version", async () => {
      const { db } = testDb;
      const project = await newProject(db, "concurrent");
      const first = await newVersion(db, project.projectId, "a");
      const second = await newVersion(db, project.projectId, "b");

      const results = await Promise.all(Array.from({ length: 20 }, (_, index) => deploy(project, (index % 2 ? first : second).id)));

      const succeeded = results.filter((result) => result.ok).length;
      expect(succeeded).toBeGreaterThanOrEqual(1);
      for (const result of results.filter((result) => !result.ok)) expect(failure(result).code).toBe("conflict");
      const deployments = await expectConsistentHistory(db, project.environments.production);
      expect(deployments).toHaveLength(succeeded);
    });

    it("the newest is decided by sequence, even when timestamps are equal or out of order", async () => {
      const { db } = testDb;
      const project = await newProject(db, "ties");
      const environmentId = project.environments.production;
      const versions = [];
      for (const name of ["1", "2", "3"]) versions.push(await newVersion(db, project.projectId, name));
      for (const version of versions) value(await deploy(project, version.id));
      const history = async () =>
        value(await getEnvironmentHistory(db, { projectId: project.projectId, environmentId })).items.map((item) => item.version.name);

      await db.deployment.updateMany({ where: { environmentId }, data: { createdAt: new Date("2026-03-09T10:00:00.000Z") } });
      expect(await history()).toEqual(["3", "2", "1"]);

      await db.$executeRaw`
        UPDATE deployments SET created_at = TIMESTAMPTZ '2026-03-09 10:00:00+00' - sequence * INTERVAL '1 minute'
        WHERE environment_id = ${environmentId}`;
      expect(await history()).toEqual(["3", "2", "1"]);
      const production = value(await listEnvironments(db, project.projectId)).find((environment) => environment.id === environmentId);
      expect(production).toMatchObject({ activeVersion: { name: "3" }, rollbackTarget: { name: "2" } });
      await expectConsistentHistory(db, environmentId);
    });
  });
});

describe("promoteEnvironment", () => {
  function promote(project: TestProject, from: keyof TestProject["environments"], to: keyof TestProject["environments"], expectedVersionId?: string) {
    return promoteEnvironment(testDb.db, {
      projectId: project.projectId,
      fromEnvironmentId: project.environments[from],
      toEnvironmentId: project.environments[to],
      author,
      expectedVersionId,
    });
  }

  it("deploys the version active in one environment to another, as a promotion", async () => {
    const { db } = testDb;
    const project = await newProject(db, "promote");
    const version = await newVersion(db, project.projectId, "1.2.0");
    value(await deploy(project, version.id, "staging"));

    const promoted = deployedNow(await promote(project, "staging", "production", version.id));

    expect(promoted.environment.name).toBe("production");
    expect(promoted.deployment).toMatchObject({ kind: "promote", version: { id: version.id, name: "1.2.0" }, previousVersion: null });
    expect(await activeVersionId(project.environments.production)).toBe(version.id);
    expect(await activeVersionId(project.environments.staging)).toBe(version.id);
    await expectConsistentHistory(db, project.environments.production);
  });

  it("refuses and changes nothing", async () => {
    const { db } = testDb;
    const project = await newProject(db, "promote");
    const other = await newProject(db, "promote");
    const first = await newVersion(db, project.projectId, "1.0.0");
    const second = await newVersion(db, project.projectId, "1.1.0");
    value(await deploy(project, second.id, "staging"));
    value(await deploy(project, second.id, "production"));
    const before = await rowCounts(db);

    expect(failure(await promote(project, "development", "production"))).toEqual({
      code: "conflict",
      message: "development has no active version to promote.",
    });
    expect(failure(await promote(project, "staging", "production"))).toEqual({
      code: "conflict",
      message: "1.1.0 (#2) is already active in production.",
    });
    expect(failure(await promote(project, "staging", "development", first.id))).toEqual({
      code: "conflict",
      message: "staging runs another version by now. Check it and try again.",
    });
    expect(failure(await promote(project, "staging", "staging")).code).toBe("invalid");
    const unconfirmed = await promoteEnvironment(db, {
      projectId: project.projectId,
      fromEnvironmentId: project.environments.staging,
      toEnvironmentId: project.environments.production,
      author,
      confirmed: false,
    });
    expect(failure(unconfirmed)).toMatchObject({ code: "invalid", message: expect.stringMatching(/^Deploying to production needs an explicit confirmation/) });
    expect(
      failure(
        await promoteEnvironment(db, {
          projectId: project.projectId,
          fromEnvironmentId: other.environments.staging,
          toEnvironmentId: project.environments.development,
          author,
        }),
      ).code,
    ).toBe("not_found");
    expect(
      failure(
        await promoteEnvironment(db, {
          projectId: project.projectId,
          fromEnvironmentId: project.environments.staging,
          toEnvironmentId: other.environments.development,
          author,
        }),
      ).code,
    ).toBe("not_found");

    expect(await rowCounts(db)).toEqual(before);
  });
});
