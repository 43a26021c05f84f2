import { describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { getDraftStatus } from "@/lib/drafts/get-draft-status";
import { setupTestDb } from "@/lib/testing/harness";
import { getVersionFiles } from "@/lib/versions/get-version-files";
import { restoreVersion } from "@/lib/versions/restore-version";
import { deployLatestDraft, type DeployLatestDraftRequest } from "./deploy-latest-draft";
import { deployVersion } from "./deploy-version";
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

function deployDraft(project: TestProject, request: Partial<DeployLatestDraftRequest> = {}) {
  return deployLatestDraft(testDb.db, {
    projectId: project.projectId,
    environmentId: project.environments.production,
    name: "1.0.0",
    author,
    ...request,
  });
}

async function changeDraft(project: TestProject, path: string) {
  value(await createDraftFile(testDb.db, { projectId: project.projectId, path, content: `${path} content` }));
}

/** Everything a deployment of the draft could write, for this project and in total. */
async function state(project: TestProject) {
  const { db } = testDb;
  const row = await db.project.findUniqueOrThrow({
    where: { id: project.projectId },
    select: { versionCounter: true, draftBaseVersionId: true },
  });
  return { ...(await rowCounts(db)), trees: await db.tree.count(), ...row };
}

describe("deployLatestDraft", () => {
  it("creates exactly one version of origin deployment and one deployment that activates it", async () => {
    const { db } = testDb;
    const project = await newProject(db, "draft");
    const previous = await newVersion(db, project.projectId, "0.9.0");
    value(await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.production, versionId: previous.id, author }));
    await changeDraft(project, "workflows/new.ts");
    const before = await state(project);

    const deployed = deployedNow(await deployDraft(project, { name: " 1.0.0 ", description: "Added retry logic to order sync" }));

    expect(deployed.version).toMatchObject({
      number: 2,
      name: "1.0.0",
      description: "Added retry logic to order sync",
      origin: "deployment",
      author,
      fileCount: 3,
    });
    expect(deployed.environment).toEqual({ id: project.environments.production, name: "production" });
    expect(deployed.deployment).toMatchObject({
      kind: "deploy",
      author,
      version: { id: deployed.version.id, number: 2, name: "1.0.0" },
      previousVersion: { id: previous.id, number: 1, name: "0.9.0" },
    });
    const after = await state(project);
    expect(after.versions - before.versions).toBe(1);
    expect(after.deployments - before.deployments).toBe(1);
    expect(after).toMatchObject({ versionCounter: 2, draftBaseVersionId: deployed.version.id });
    await expectConsistentHistory(db, project.environments.production);
    const files = value(await getVersionFiles(db, project.projectId, deployed.version.id)).map((file) => file.path);
    expect(files).toEqual(["changes/0.9.0.txt", "workflows/new.ts", "workflows/sync.ts"]);
    expect(value(await getDraftStatus(db, project.projectId))).toMatchObject({ changed: false, base: { name: "1.0.0" } });
  });

  it("deploys to an environment that never had a version", async () => {
    const { db } = testDb;
    const project = await newProject(db, "draft");
    const deployed = deployedNow(await deployDraft(project, { environmentId: project.environments.development }));
    expect(deployed.version).toMatchObject({ number: 1, origin: "deployment" });
    expect(deployed.deployment.previousVersion).toBeNull();
  });

  it("leaves nothing behind when the deployment fails after the version was written", async () => {
    const { db } = testDb;
    const project = await newProject(db, "atomic");
    await changeDraft(project, "only-in-this-draft.ts");
    // A failure inside the transaction, after snapshotDraft has inserted blobs, the version
    // and its files, and moved the draft's base: the deployment insert itself fails.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_test_deployment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_test_deployment BEFORE INSERT ON deployments FOR EACH ROW
      WHEN (NEW.environment_id = '${project.environments.production}') EXECUTE FUNCTION refuse_test_deployment()`);
    const before = await state(project);
    try {
      await expect(deployDraft(project)).rejects.toThrow(/injected failure/);
      expect(await state(project)).toEqual(before);
      expect(await db.version.count({ where: { projectId: project.projectId } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER refuse_test_deployment ON deployments");
    }

    const deployed = value(await deployDraft(project));
    expect(deployed.version.number).toBe(1);
    expect((await state(project)).versions - before.versions).toBe(1);
  });

  describe("when no version would capture anything new", () => {
    it("refuses a draft unchanged since the latest version and names that version", async () => {
      const { db } = testDb;
      const project = await newProject(db, "unchanged");
      const latest = await newVersion(db, project.projectId, "1.1.0");
      const before = await state(project);

      const message = "The draft has no changes since version 1.1.0 (#1). Deploy 1.1.0 instead of creating a copy of it.";
      expect(failure(await deployDraft(project, { name: "1.2.0" }))).toEqual({
        code: "conflict",
        message,
        fields: { draft: message, versionId: latest.id, versionName: "1.1.0", versionNumber: "1" },
      });
      expect(await state(project)).toEqual(before);

      await changeDraft(project, "next.ts");
      expect(value(await deployDraft(project, { name: "1.2.0" })).version.number).toBe(2);
    });

    it("names the older version the draft was restored from", async () => {
      const { db } = testDb;
      const project = await newProject(db, "unchanged");
      const old = await newVersion(db, project.projectId, "1.0.0");
      await newVersion(db, project.projectId, "1.1.0");
      value(await restoreVersion(db, { projectId: project.projectId, versionId: old.id, saveBackup: false, author }));

      expect(failure(await deployDraft(project, { name: "1.2.0" })).fields).toMatchObject({ versionId: old.id, versionName: "1.0.0" });
    });

    it("of concurrent deployments of one draft, exactly one creates a version", async () => {
      const { db } = testDb;
      const project = await newProject(db, "concurrent");
      await changeDraft(project, "feature.ts");
      const before = await state(project);

      const results = await Promise.all(Array.from({ length: 6 }, (_, index) => deployDraft(project, { name: `release-${index}` })));

      expect(results.filter((result) => result.ok)).toHaveLength(1);
      for (const result of results.filter((result) => !result.ok)) expect(failure(result).code).toBe("conflict");
      const after = await state(project);
      expect(after.versions - before.versions).toBe(1);
      expect(after.deployments - before.deployments).toBe(1);
      await expectConsistentHistory(db, project.environments.production);
    });
  });

  describe("refuses bad input and changes nothing", () => {
    it.each([
      ["an empty name", { name: "  " }, "invalid", "Enter a name for the version."],
      ["a description over 2,000 characters", { description: "d".repeat(2001) }, "invalid", "Descriptions are at most 2,000 characters."],
      ["an unknown environment", { environmentId: "no-such-environment" }, "not_found", "This environment does not exist in this project."],
    ])("%s", async (_label, request, code, message) => {
      const { db } = testDb;
      const project = await newProject(db, "invalid");
      await changeDraft(project, "work.ts");
      const before = await state(project);
      expect(failure(await deployDraft(project, request))).toMatchObject({ code, message });
      expect(await state(project)).toEqual(before);
    });

    it("a deployment into production the person did not confirm", async () => {
      const { db } = testDb;
      const project = await newProject(db, "unconfirmed");
      await changeDraft(project, "work.ts");
      const before = await state(project);
      expect(failure(await deployDraft(project, { confirmed: false }))).toEqual({
        code: "invalid",
        message: "Deploying to production needs an explicit confirmation that names the version and the environment.",
      });
      expect(await state(project)).toEqual(before);
      expect(value(await deployDraft(project, { confirmed: true })).version.origin).toBe("deployment");
    });

    it("a duplicate name", async () => {
      const { db } = testDb;
      const project = await newProject(db, "invalid");
      await newVersion(db, project.projectId, "1.0.0");
      await changeDraft(project, "work.ts");
      const before = await state(project);
      expect(failure(await deployDraft(project, { name: "1.0.0" }))).toMatchObject({
        code: "conflict",
        message: "A version named 1.0.0 already exists. Choose another name.",
      });
      expect(await state(project)).toEqual(before);
    });

    it("another project's environment, or an unknown project", async () => {
      const { db } = testDb;
      const project = await newProject(db, "foreign");
      const other = await newProject(db, "foreign");
      await changeDraft(project, "work.ts");
      const before = await state(project);
      expect(failure(await deployDraft(project, { environmentId: other.environments.production })).code).toBe("not_found");
      expect(failure(await deployDraft(project, { projectId: "no-such-project" })).code).toBe("not_found");
      expect(await state(project)).toEqual(before);
    });
  });
});
