import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getEnvironmentHistory } from "@/lib/environments/get-environment-history";
import { listEnvironments } from "@/lib/environments/list-environments";
import { findVersionHealth } from "@/lib/executions/find-version-health";
import { setupTestDb } from "@/lib/testing/harness";
import type { VersionSummary } from "@/lib/versions/version-summary";
import { deployVersion } from "./deploy-version";
import { findHealthyTargets } from "./find-healthy-targets";
import { healthyRunCount } from "./healthy-run-count";
import { rollbackToLastHealthy } from "./rollback-to-last-healthy";
import { deployedNow, failure, newProject, newVersion, stubTestSecretKey, value, type TestProject } from "./test-fixtures";

stubTestSecretKey();
const testDb = setupTestDb();
const author = "ada@example.com";

afterEach(() => vi.unstubAllEnvs());

type Environment = keyof TestProject["environments"];
type Status = "succeeded" | "failed" | "timed_out" | "queued" | "running";

let clock = Date.parse("2026-11-01T00:00:00Z");

async function setUp(names: string[]) {
  const project = await newProject(testDb.db, "healthy");
  const versions: Record<string, VersionSummary> = {};
  for (const name of names) versions[name] = await newVersion(testDb.db, project.projectId, name);
  const deploy = async (name: string, environment: Environment = "production") =>
    value(await deployVersion(testDb.db, { projectId: project.projectId, environmentId: project.environments[environment], versionId: versions[name]!.id, author }));
  /** Runs of a version in an environment, finishing one after another in the order given. */
  const run = async (name: string, statuses: Status[], environment: Environment = "production") => {
    for (const status of statuses) {
      const finished = status !== "queued" && status !== "running";
      clock += 1000;
      await testDb.db.execution.create({
        data: {
          id: randomUUID(),
          projectId: project.projectId,
          environmentId: project.environments[environment],
          versionId: versions[name]!.id,
          versionNumber: versions[name]!.number,
          versionName: name,
          workflow: "sync",
          trigger: "manual",
          logs: [],
          status,
          queuedAt: new Date(clock - 500),
          finishedAt: finished ? new Date(clock) : null,
        },
      });
    }
  };
  const target = async (environment: Environment = "production", runs?: number) =>
    (await findHealthyTargets(testDb.db, [project.environments[environment]], runs))?.get(project.environments[environment])?.name ?? null;
  return { project, versions, deploy, run, target };
}

describe("findVersionHealth", () => {
  it("counts each version's finished runs per environment in one grouped answer: succeeded against failed and timed out", async () => {
    const { project, versions, deploy, run } = await setUp(["A", "B", "C"]);
    await deploy("A", "staging");
    await deploy("A");
    await deploy("B");
    await run("A", ["succeeded", "succeeded", "failed", "timed_out", "queued", "running"]);
    await run("A", ["succeeded"], "staging");
    await run("B", ["running", "queued"]);

    const health = await findVersionHealth(testDb.db, { projectId: project.projectId, versionIds: [versions.A!.id, versions.B!.id, versions.C!.id] });
    expect(health).toEqual([
      { versionId: versions.A!.id, environmentId: project.environments.staging, environment: "staging", succeeded: 1, failed: 0 },
      { versionId: versions.A!.id, environmentId: project.environments.production, environment: "production", succeeded: 2, failed: 2 },
    ]);
    const inProduction = await findVersionHealth(testDb.db, {
      projectId: project.projectId,
      versionIds: [versions.A!.id],
      environmentIds: [project.environments.production],
    });
    expect(inProduction.map((row) => row.environment)).toEqual(["production"]);
  });

  it("knows nothing of another project's versions, nor of ids that name no row", async () => {
    const { versions, deploy, run } = await setUp(["A"]);
    await deploy("A");
    await run("A", ["succeeded"]);
    const other = await newProject(testDb.db, "other");
    expect(await findVersionHealth(testDb.db, { projectId: other.projectId, versionIds: [versions.A!.id] })).toEqual([]);
    expect(await findVersionHealth(testDb.db, { projectId: other.projectId, versionIds: ["not-an-id"] })).toEqual([]);
  });

  it("gives listEnvironments the active version's tally and the healthy target, and the history each listed version's", async () => {
    const { project, versions, deploy, run } = await setUp(["A", "B"]);
    await deploy("A");
    await run("A", ["succeeded", "succeeded"]);
    await deploy("B");
    await run("B", ["failed", "succeeded", "timed_out"]);
    const production = value(await listEnvironments(testDb.db, project.projectId)).find((environment) => environment.name === "production");
    expect(production).toMatchObject({ activeHealth: { succeeded: 1, failed: 2 }, healthyTarget: { name: "A" } });
    const history = value(await getEnvironmentHistory(testDb.db, { projectId: project.projectId, environmentId: project.environments.production }));
    const byVersion = Object.fromEntries(history.health.map((row) => [row.versionId, [row.environment, row.succeeded, row.failed]]));
    expect(byVersion).toEqual({ [versions.A!.id]: ["production", 2, 0], [versions.B!.id]: ["production", 1, 2] });
  });
});

describe("findHealthyTargets", () => {
  it("finds none when the earlier versions have no finished runs", async () => {
    const { deploy, run, target } = await setUp(["A", "B"]);
    await deploy("A");
    await run("A", ["queued", "running"]);
    await deploy("B");
    expect(await target()).toBeNull();
  });

  it("takes the newest earlier version whose last N finished runs all succeeded, skipping one with a failure among them", async () => {
    const { deploy, run, target } = await setUp(["A", "B", "C", "D"]);
    await deploy("A");
    await run("A", ["succeeded", "succeeded"]);
    await deploy("B");
    await run("B", ["failed", "succeeded", "succeeded"]);
    await deploy("C");
    await run("C", ["failed"]);
    await deploy("D");
    expect(await target()).toBe("A");
    // An old failure no longer counts once N newer runs succeeded.
    expect(await target("production", 2)).toBe("B");
    expect(await target("production", 3)).toBe("A");
  });

  it("reads N from DRAFTLINE_HEALTHY_RUNS, 5 when unset or not a whole number from 1", async () => {
    const { deploy, run, target } = await setUp(["A", "B"]);
    await deploy("A");
    await run("A", ["failed", "succeeded", "succeeded", "succeeded", "succeeded", "succeeded"]);
    await deploy("B");
    expect(healthyRunCount(undefined)).toBe(5);
    expect(healthyRunCount("0")).toBe(5);
    expect(healthyRunCount("2.5")).toBe(5);
    expect(healthyRunCount(" ")).toBe(5);
    expect(await target()).toBe("A");
    vi.stubEnv("DRAFTLINE_HEALTHY_RUNS", "6");
    expect(healthyRunCount()).toBe(6);
    expect(await target()).toBeNull();
    vi.stubEnv("DRAFTLINE_HEALTHY_RUNS", "3");
    expect(await target()).toBe("A");
  });

  it("only considers versions deployed to that environment before the active one, never the active one or another environment's", async () => {
    const { deploy, run, target } = await setUp(["A", "B", "C"]);
    await deploy("C", "staging");
    await run("C", ["succeeded"], "staging");
    await deploy("A");
    await run("A", ["succeeded"]);
    expect(await target()).toBeNull();
    await deploy("B");
    expect(await target()).toBe("A");
    // C ran well in staging only; production never ran it.
    expect(await target("staging")).toBeNull();
    await deploy("A");
    // A is active again: B is the earlier one, and it has no runs.
    expect(await target()).toBeNull();
  });
});

describe("rollbackToLastHealthy", () => {
  it("re-activates the healthy version as a rollback, with its audit event, when it is still the one shown", async () => {
    const { project, versions, deploy, run } = await setUp(["A", "B"]);
    await deploy("A");
    await run("A", ["succeeded"]);
    await deploy("B");
    await run("B", ["failed", "failed"]);
    const request = { projectId: project.projectId, environmentId: project.environments.production, author };

    expect(failure(await rollbackToLastHealthy(testDb.db, { ...request, expectedVersionId: versions.B!.id }))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("would now activate A"),
    });
    const rolledBack = deployedNow(await rollbackToLastHealthy(testDb.db, { ...request, expectedVersionId: versions.A!.id }));
    expect(rolledBack.deployment).toMatchObject({ kind: "rollback", version: { name: "A" }, previousVersion: { name: "B" } });
    const event = await testDb.db.auditEvent.findFirst({ where: { projectId: project.projectId }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ kind: "deployment.rolled_back", environmentId: project.environments.production, actorName: author });

    // A runs now; B is the earlier one and it failed: nothing healthy is left to go back to.
    expect(failure(await rollbackToLastHealthy(testDb.db, request))).toMatchObject({
      code: "conflict",
      message: "production has no earlier version whose recent runs there all succeeded.",
    });
  });

  it("asks for approval in a protected environment, like any rollback", async () => {
    const { project, versions, deploy, run } = await setUp(["A", "B"]);
    await deploy("A");
    await run("A", ["succeeded"]);
    await deploy("B");
    await testDb.db.environment.update({ where: { id: project.environments.production }, data: { requiredApprovals: 1 } });
    const request = { projectId: project.projectId, environmentId: project.environments.production, author, expectedVersionId: versions.A!.id, role: "release_manager" as const };
    const healthy = value(await rollbackToLastHealthy(testDb.db, request));
    expect(healthy).toMatchObject({ outcome: "requested", request: { kind: "rollback", version: { name: "A" } } });
    const environment = await testDb.db.environment.findUniqueOrThrow({ where: { id: project.environments.production }, select: { activeVersionId: true } });
    expect(environment.activeVersionId).toBe(versions.B!.id);
  });
});
