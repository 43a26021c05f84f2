import { describe, expect, it } from "vitest";
import { revisionOf } from "@/lib/testing/draft-helpers";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { createDraftFile } from "./create-draft-file";
import { renameDraftPath } from "./rename-draft-path";
import { saveDraftFile } from "./save-draft-file";

const testDb = setupTestDb();

/** Who each of a project's draft files was last written by, by path. */
async function authors(projectId: string) {
  const rows = await testDb.db.draftFile.findMany({ where: { projectId }, select: { path: true, updatedBy: true } });
  return Object.fromEntries(rows.map((row) => [row.path, row.updatedBy]));
}

describe("draft authors", () => {
  it("records who created a file, so an editor conflicting with it is told who", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const created = value(await createDraftFile(db, { projectId, path: "b.ts", content: "new", author: "Ada" }));
    expect(await authors(projectId)).toEqual({ "a.ts": null, "b.ts": "Ada" });

    const stale = failure(await saveDraftFile(db, { projectId, path: "b.ts", content: "mine", baseRevision: created.revision - 1 }));
    expect(stale).toMatchObject({ code: "conflict", message: "b.ts was changed by Ada since this editor loaded it." });
  });

  it("records who renamed a file or folder on every file it moved, and nobody else", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "src/a.ts": "a", "src/sub/b.ts": "b", "other.ts": "o" });
    value(await saveDraftFile(db, { projectId, path: "other.ts", content: "o2", baseRevision: await revisionOf(db, projectId, "other.ts"), author: "Ada" }));
    const loaded = await revisionOf(db, projectId, "src/a.ts");

    value(await renameDraftPath(db, { projectId, from: "src", to: "lib", author: "Grace" }));

    expect(await authors(projectId)).toEqual({ "lib/a.ts": "Grace", "lib/sub/b.ts": "Grace", "other.ts": "Ada" });
    const stale = failure(await saveDraftFile(db, { projectId, path: "lib/a.ts", content: "mine", baseRevision: loaded }));
    expect(stale).toMatchObject({ code: "conflict", message: "lib/a.ts was changed by Grace since this editor loaded it." });
  });
});
