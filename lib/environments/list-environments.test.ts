import { describe, expect, it } from "vitest";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { failure, newProject, newVersion, stubTestSecretKey, deployedNow, value } from "@/lib/deployments/test-fixtures";
import { setupTestDb } from "@/lib/testing/harness";
import { getEnvironmentHistory } from "./get-environment-history";
import { listEnvironments } from "./list-environments";

stubTestSecretKey();
const testDb = setupTestDb();

describe("listEnvironments", () => {
  it("lists a new project's environments in order, with nothing deployed", async () => {
    const { db } = testDb;
    const project = await newProject(db, "list");
    expect(value(await listEnvironments(db, project.projectId))).toEqual(
      ["development", "staging", "production"].map((name, position) => ({
        id: project.environments[name as "development"],
        name,
        position,
        requiredApprovals: 0,
        activeVersion: null,
        lastDeployment: null,
        rollbackTarget: null,
        rollForwardTarget: null,
        healthyTarget: null,
        activeHealth: null,
      })),
    );
  });

  it("shows each environment's active version, last deployment and rollback target", async () => {
    const { db } = testDb;
    const project = await newProject(db, "list");
    const first = await newVersion(db, project.projectId, "1.0.0");
    const second = await newVersion(db, project.projectId, "1.1.0");
    const deploy = (environmentId: string, versionId: string, author: string) =>
      deployVersion(db, { projectId: project.projectId, environmentId, versionId, author }).then(value);
    await deploy(project.environments.staging, first.id, "ada");
    await deploy(project.environments.staging, second.id, "bob");
    await deploy(project.environments.production, first.id, "cy");
    await deploy(project.environments.production, second.id, "dee");
    const rolledBack = deployedNow(await rollbackEnvironment(db, { projectId: project.projectId, environmentId: project.environments.production, author: "eve" }));

    const [development, staging, production] = value(await listEnvironments(db, project.projectId));
    expect(development).toMatchObject({ activeVersion: null, lastDeployment: null, rollbackTarget: null, rollForwardTarget: null });
    expect(staging).toMatchObject({
      activeVersion: { id: second.id, number: 2, name: "1.1.0" },
      lastDeployment: { author: "bob", kind: "deploy", when: expect.any(Date) },
      rollbackTarget: { id: first.id, number: 1, name: "1.0.0" },
      rollForwardTarget: null,
    });
    expect(production).toMatchObject({
      activeVersion: { id: first.id, number: 1, name: "1.0.0" },
      lastDeployment: { author: "eve", kind: "rollback", when: rolledBack.deployment.createdAt },
      rollbackTarget: null,
      rollForwardTarget: { id: second.id, number: 2, name: "1.1.0" },
    });
  });

  it("refuses an unknown project", async () => {
    const { db } = testDb;
    expect(failure(await listEnvironments(db, "no-such-project"))).toEqual({ code: "not_found", message: "This project does not exist." });
  });
});

describe("getEnvironmentHistory", () => {
  it("pages through deployments newest first, with versions and previous versions", async () => {
    const { db } = testDb;
    const project = await newProject(db, "history");
    const environmentId = project.environments.staging;
    const versions = [];
    for (let index = 1; index <= 7; index++) versions.push(await newVersion(db, project.projectId, `v${index}`));
    for (const version of versions) value(await deployVersion(db, { projectId: project.projectId, environmentId, versionId: version.id, author: "ada" }));

    const first = value(await getEnvironmentHistory(db, { projectId: project.projectId, environmentId, limit: 3 }));
    expect(first.environment).toEqual({ id: environmentId, name: "staging" });
    expect(first.items.map((item) => [item.version.name, item.previousVersion?.name ?? null])).toEqual([
      ["v7", "v6"],
      ["v6", "v5"],
      ["v5", "v4"],
    ]);
    expect(first.items[0]).toMatchObject({ kind: "deploy", author: "ada", createdAt: expect.any(Date), version: { number: 7 } });

    const second = value(await getEnvironmentHistory(db, { projectId: project.projectId, environmentId, limit: 3, before: first.nextBefore! }));
    const third = value(await getEnvironmentHistory(db, { projectId: project.projectId, environmentId, limit: 3, before: second.nextBefore! }));
    expect([...second.items, ...third.items].map((item) => item.version.name)).toEqual(["v4", "v3", "v2", "v1"]);
    expect(third.nextBefore).toBeNull();
    expect(third.items.at(-1)?.previousVersion).toBeNull();
  });

  it("refuses an unknown environment, one of another project, and a bad page", async () => {
    const { db } = testDb;
    const project = await newProject(db, "history");
    const other = await newProject(db, "history");
    for (const environmentId of ["no-such-environment", other.environments.production]) {
      expect(failure(await getEnvironmentHistory(db, { projectId: project.projectId, environmentId })).code).toBe("not_found");
    }
    expect(
      failure(await getEnvironmentHistory(db, { projectId: project.projectId, environmentId: project.environments.production, before: 1.5 })).code,
    ).toBe("invalid");
  });
});
