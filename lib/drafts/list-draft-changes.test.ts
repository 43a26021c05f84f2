import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { revisionOf, save } from "@/lib/testing/draft-helpers";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { restoreVersion } from "@/lib/versions/restore-version";
import { createDraftFile } from "./create-draft-file";
import { deleteDraftPath } from "./delete-draft-path";
import { listDraftChanges, MAX_LISTED_CHANGES } from "./list-draft-changes";
import { listDraftFiles } from "./list-draft-files";
import { saveDraftFile } from "./save-draft-file";

const testDb = setupTestDb();

async function changes(projectId: string, since: number) {
  return value(await listDraftChanges(testDb.db, projectId, since));
}

/** What a client holding the whole tree would compute: the totals the server sends to check it. */
async function totalsOf(projectId: string) {
  const files = await listDraftFiles(testDb.db, projectId);
  return {
    revision: Math.max(0, ...files.map((file) => file.revision)),
    fileCount: files.length,
    revisionSum: files.reduce((sum, file) => sum + file.revision, 0),
  };
}

describe("listDraftChanges", () => {
  it("lists the files written since a revision, oldest first, with totals that match the tree", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b", "c.ts": "c" });
    const start = await changes(projectId, 0);
    expect(start).toMatchObject({ ...(await totalsOf(projectId)), baseVersionId: null });
    expect(start.files?.map((file) => file.path).sort()).toEqual(["a.ts", "b.ts", "c.ts"]);

    expect(await changes(projectId, start.revision)).toEqual({ ...start, files: [] });

    await save(db, projectId, "b.ts", "b changed");
    await save(db, projectId, "a.ts", "a changed");
    const after = await changes(projectId, start.revision);
    const [entryA, entryB] = [
      (await listDraftFiles(db, projectId)).find((file) => file.path === "a.ts"),
      (await listDraftFiles(db, projectId)).find((file) => file.path === "b.ts"),
    ];
    expect(after).toEqual({ ...(await totalsOf(projectId)), baseVersionId: null, files: [entryB, entryA], stamp: expect.any(String) });
    expect(after.stamp).not.toBe(start.stamp);
  });

  it("shows a deletion through the totals alone", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b" });
    const before = await changes(projectId, 0);
    value(await deleteDraftPath(db, { projectId, path: "a.ts" }));
    const after = await changes(projectId, before.revision);
    expect(after.files).toEqual([]);
    expect(after).toMatchObject(await totalsOf(projectId));
    expect(after.fileCount).toBe(before.fileCount - 1);
  });

  it("names the draft's base version, which a version created elsewhere changes", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    const v1 = await version(db, projectId, "1.0.0");
    expect((await changes(projectId, 0)).baseVersionId).toBe(v1.id);
  });

  it("gives up listing after a restore that rewrote more files than it lists", async () => {
    const { db } = testDb;
    const files = Object.fromEntries(Array.from({ length: MAX_LISTED_CHANGES + 1 }, (_, index) => [`f${index}.ts`, `${index}`]));
    const projectId = await newProject(db, files);
    const v1 = await version(db, projectId, "1.0.0");
    const before = await changes(projectId, 0);
    value(await restoreVersion(db, { projectId, versionId: v1.id, saveBackup: false, author: "Ada" }));
    const after = await changes(projectId, before.revision);
    expect(after.files).toBeNull();
    expect(after).toMatchObject(await totalsOf(projectId));
    expect(await db.draftFile.findFirst({ where: { projectId }, select: { updatedBy: true } })).toEqual({ updatedBy: "Ada" });
  });

  it("refuses a malformed revision or project", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    expect(failure(await listDraftChanges(db, projectId, Number.NaN)).code).toBe("invalid");
    expect(failure(await listDraftChanges(db, projectId, -1)).code).toBe("invalid");
    // The revision column is 32-bit: a larger number must be refused, not reach PostgreSQL.
    expect(failure(await listDraftChanges(db, projectId, 2 ** 31)).code).toBe("invalid");
    expect(value(await listDraftChanges(db, projectId, 2 ** 31 - 1)).files).toEqual([]);
    expect(failure(await listDraftChanges(db, randomUUID(), 0)).code).toBe("not_found");
    expect(failure(await listDraftChanges(db, "not-an-id", 0)).code).toBe("not_found");
  });
});

describe("saveDraftFile records who wrote the file", () => {
  it("and a stale save is told who that was and when", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const loaded = await revisionOf(db, projectId, "a.ts");
    const theirs = value(await saveDraftFile(db, { projectId, path: "a.ts", content: "theirs", baseRevision: loaded, author: "Grace" }));

    const refused = failure(await saveDraftFile(db, { projectId, path: "a.ts", content: "mine", baseRevision: loaded, author: "Ada" }));
    const stored = await db.draftFile.findFirstOrThrow({ where: { projectId, path: "a.ts" } });
    expect(refused).toEqual({
      code: "conflict",
      message: "a.ts was changed by Grace since this editor loaded it.",
      current: { content: "theirs", revision: theirs.revision, updatedBy: "Grace", updatedAt: stored.updatedAt },
    });
  });

  it("a file created without an author has none", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, {});
    const created = value(await createDraftFile(db, { projectId, path: "n.ts", content: "x" }));
    const theirs = value(await saveDraftFile(db, { projectId, path: "n.ts", content: "y", baseRevision: created.revision }));
    expect(theirs.revision).toBeGreaterThan(created.revision);
    expect(failure(await saveDraftFile(db, { projectId, path: "n.ts", content: "z", baseRevision: created.revision }))).toMatchObject({
      message: "n.ts was changed elsewhere since this editor loaded it.",
      current: { updatedBy: null },
    });
  });
});
