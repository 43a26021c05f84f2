import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/lib/testing/harness";
import { deployVersion } from "./deploy-version";
import { findVersionsRunIn } from "./find-versions-run-in";
import { rollbackEnvironment } from "./rollback-environment";
import { failure, newProject, newVersion, stubTestSecretKey, deployedNow, value } from "./test-fixtures";

stubTestSecretKey();
const testDb = setupTestDb();

const author = "ada@example.com";

describe("findVersionsRunIn", () => {
  it("names the versions that ran in the environment, with when they last became active", async () => {
    const { db } = testDb;
    const project = await newProject(db, "ran");
    const other = await newProject(db, "ran");
    const [a, b, c, never] = [
      await newVersion(db, project.projectId, "A"),
      await newVersion(db, project.projectId, "B"),
      await newVersion(db, project.projectId, "C"),
      await newVersion(db, project.projectId, "never"),
    ];
    const foreign = await newVersion(db, other.projectId, "foreign");
    const environmentId = project.environments.staging;
    const deploy = (versionId: string) => deployVersion(db, { projectId: project.projectId, environmentId, versionId, author }).then(value);
    await deploy(a!.id);
    await deploy(b!.id);
    const rolledBack = deployedNow(await rollbackEnvironment(db, { projectId: project.projectId, environmentId, author }));
    await deploy(c!.id);
    value(await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.development, versionId: never!.id, author }));

    const found = value(
      await findVersionsRunIn(db, {
        projectId: project.projectId,
        environmentId,
        versionIds: [a!.id, b!.id, c!.id, never!.id, foreign.id, "not-an-id"],
      }),
    );
    const byId = new Map(found.map((entry) => [entry.versionId, entry.lastActiveAt]));
    expect([...byId.keys()].sort()).toEqual([a!.id, b!.id, c!.id].sort());
    expect(byId.get(a!.id)).toEqual(rolledBack.deployment.createdAt);
    expect(value(await findVersionsRunIn(db, { projectId: project.projectId, environmentId, versionIds: [] }))).toEqual([]);
  });

  it("refuses another project's environment, and too many versions at once", async () => {
    const { db } = testDb;
    const project = await newProject(db, "ran");
    const other = await newProject(db, "ran");
    const ask = (environmentId: string, versionIds: string[]) => findVersionsRunIn(db, { projectId: project.projectId, environmentId, versionIds });
    expect(failure(await ask(other.environments.staging, [])).code).toBe("not_found");
    expect(failure(await ask("nope", [])).code).toBe("not_found");
    expect(failure(await ask(project.environments.staging, Array.from({ length: 201 }, () => crypto.randomUUID()))).code).toBe("invalid");
  });
});
