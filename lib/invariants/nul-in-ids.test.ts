import { describe, expect, it } from "vitest";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { newProject, newVersion, rowCounts, stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import { getDraftFile } from "@/lib/drafts/get-draft-file";
import { restoreVersion } from "@/lib/versions/restore-version";
import { setupTestDb } from "@/lib/testing/harness";

stubTestSecretKey();
const testDb = setupTestDb();
const NUL_ID = "a\u0000b";

/**
 * The server actions' id schemas accept any 1–200 character string, so an id with a NUL
 * reaches these functions. Known bug: PostgreSQL text cannot hold NUL and the query throws
 * instead of the function answering `not_found`/`invalid`. `it.fails` flips red once fixed.
 */
describe("ids and paths carrying a NUL character", () => {
  it.fails("deployVersion answers with a typed error", async () => {
    const { db } = testDb;
    const project = await newProject(db, "nul-deploy");
    await newVersion(db, project.projectId, "1.0.0");
    const before = await rowCounts(db);
    const result = await deployVersion(db, {
      projectId: project.projectId,
      environmentId: project.environments.production,
      versionId: NUL_ID,
      author: "ada@example.com",
    });
    expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/invalid|not_found/) } });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("restoreVersion answers with a typed error", async () => {
    const { db } = testDb;
    const project = await newProject(db, "nul-restore");
    const before = await rowCounts(db);
    const result = await restoreVersion(db, { projectId: project.projectId, versionId: NUL_ID, saveBackup: true, author: "ada@example.com" });
    expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/invalid|not_found/) } });
    expect(await rowCounts(db)).toEqual(before);
  });

  it.fails("getDraftFile answers with a typed error", async () => {
    const { db } = testDb;
    const project = await newProject(db, "nul-read");
    const result = await getDraftFile(db, project.projectId, `workflows/${NUL_ID}.ts`);
    expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/invalid|not_found/) } });
  });
});
