import { describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { setupTestDb } from "@/lib/testing/harness";
import { deployVersion } from "./deploy-version";
import { previewDeployment } from "./preview-deployment";
import { failure, newProject, newVersion, rowCounts, stubTestSecretKey, value } from "./test-fixtures";

stubTestSecretKey();
const testDb = setupTestDb();

describe("previewDeployment", () => {
  it("lists what the draft or a version would change against the active version, and changes nothing", async () => {
    const { db } = testDb;
    const project = await newProject(db, "preview");
    const version = await newVersion(db, project.projectId, "1.0.0");
    const environmentId = project.environments.production;
    value(await deployVersion(db, { projectId: project.projectId, environmentId, versionId: version.id, author: "ada" }));
    const production = { id: environmentId, name: "production", activeVersion: { id: version.id, number: 1, name: "1.0.0" } };
    const preview = (request: { environmentId?: string; versionId?: string } = {}) =>
      previewDeployment(db, { projectId: project.projectId, environmentId, ...request });

    expect(value(await preview())).toEqual({ environment: production, changes: [], draftMatches: { id: version.id, number: 1, name: "1.0.0" } });

    value(await createDraftFile(db, { projectId: project.projectId, path: "workflows/new.ts", content: "new\n" }));
    const before = await rowCounts(db);
    expect(value(await preview())).toEqual({ environment: production, changes: [{ path: "workflows/new.ts", status: "added" }], draftMatches: null });
    expect(value(await preview({ versionId: version.id }))).toEqual({ environment: production, changes: [], draftMatches: null });
    expect(value(await preview({ environmentId: project.environments.staging, versionId: version.id }))).toEqual({
      environment: { id: project.environments.staging, name: "staging", activeVersion: null },
      changes: [
        { path: "changes/1.0.0.txt", status: "added" },
        { path: "workflows/sync.ts", status: "added" },
      ],
      draftMatches: null,
    });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("refuses an unknown environment or version, or another project's", async () => {
    const { db } = testDb;
    const project = await newProject(db, "preview");
    const other = await newProject(db, "preview");
    const foreign = await newVersion(db, other.projectId, "9.9.9");
    const environmentId = project.environments.production;
    for (const request of [
      { environmentId: "no-such-environment" },
      { environmentId: other.environments.production },
      { environmentId, versionId: "no-such-version" },
      { environmentId, versionId: foreign.id },
    ]) {
      expect(failure(await previewDeployment(db, { projectId: project.projectId, ...request })).code).toBe("not_found");
    }
  });
});
