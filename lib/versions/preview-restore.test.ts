import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import { save } from "@/lib/testing/draft-helpers";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { previewRestore } from "./preview-restore";

const testDb = setupTestDb();

describe("previewRestore", () => {
  it("lists what restoring would add, change and remove, and whether the draft needs a backup", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b", "same.ts": "same" });
    const v1 = await version(db, projectId, "1.0.0");
    expect(value(await previewRestore(db, projectId, v1.id))).toEqual({ changes: [], hasUnversionedWork: false });

    await save(db, projectId, "a.ts", "a changed");
    value(await deleteDraftPath(db, { projectId, path: "b.ts" }));
    value(await createDraftFile(db, { projectId, path: "c.ts", content: "c" }));
    const draftBefore = await db.draftFile.findMany({ where: { projectId }, orderBy: { path: "asc" } });

    expect(value(await previewRestore(db, projectId, v1.id))).toEqual({
      changes: [
        { path: "a.ts", status: "modified" },
        { path: "b.ts", status: "added" },
        { path: "c.ts", status: "removed" },
      ],
      hasUnversionedWork: true,
    });
    expect(await db.draftFile.findMany({ where: { projectId }, orderBy: { path: "asc" } })).toEqual(draftBefore);
  });

  it("refuses unknown and foreign versions", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    const foreign = await version(db, await newProject(db, { "x.ts": "x" }), "9.9.9");
    for (const versionId of [randomUUID(), foreign.id, "not-an-id"]) {
      expect(failure(await previewRestore(db, projectId, versionId))).toMatchObject({ code: "not_found" });
    }
  });
});
