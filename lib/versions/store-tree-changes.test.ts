import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import { newProject, setupTestDb, value } from "@/lib/testing/harness";
import { createVersion } from "./create-version";
import { storeTree } from "./store-tree";
import { versionContents } from "./test-fixtures";

// A version's trees that hold a blob stored by the same transaction are new for sure and are
// written with the version under reserved ids; the others are looked up or inserted. Either
// way the version must be the rows storing the whole draft gives.

const testDb = setupTestDb();

async function version(projectId: string) {
  const { db } = testDb;
  const created = value(await createVersion(db, { projectId, name: randomUUID(), origin: "manual", author: "ada" }));
  return db.version.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, rootTreeId: true } });
}

/** The top tree storing the draft whole gives. */
async function wholeDraftRoot(projectId: string): Promise<bigint> {
  const { db } = testDb;
  const files = await db.draftFile.findMany({ where: { projectId }, select: { path: true, contentHash: true } });
  const blobs = await db.blob.findMany({ where: { hash: { in: files.map((file) => file.contentHash) } }, select: { hash: true, id: true } });
  const ids = new Map(blobs.map((blob) => [blob.hash, blob.id.toString()]));
  return BigInt(await db.$transaction((tx) => storeTree(tx, files.map((file) => ({ path: file.path, blobId: ids.get(file.contentHash)! })))));
}

describe("storeTreeChanges", () => {
  it("writes two new folders that list the same entries as one tree", async () => {
    const projectId = await newProject(testDb.db, { "readme.md": "hello" });
    await version(projectId);
    // A content no blob holds yet, in two folders that hold nothing else: equal listings.
    const content = `export const id = "${randomUUID()}";`;
    await createDraftFile(testDb.db, { projectId, path: "a/x.ts", content });
    await createDraftFile(testDb.db, { projectId, path: "b/x.ts", content });

    const created = await version(projectId);
    expect(created.rootTreeId).toBe(await wholeDraftRoot(projectId));
    expect(await versionContents(testDb.db, projectId, created.id)).toEqual({ "readme.md": "hello", "a/x.ts": content, "b/x.ts": content });
  });

  it("reuses the tree stored before for a folder changed only by a removal, beside a folder with new content", async () => {
    const projectId = await newProject(testDb.db, { "a/x.ts": "one", "b/y.ts": "two" });
    await version(projectId);
    value(await createDraftFile(testDb.db, { projectId, path: "b/z.ts", content: `z ${randomUUID()}` }));
    await version(projectId);
    value(await deleteDraftPath(testDb.db, { projectId, path: "b/z.ts" }));
    value(await createDraftFile(testDb.db, { projectId, path: "a/w.ts", content: `w ${randomUUID()}` }));

    // "b/" is back to its first listing, stored then; "a/" and the top folder are new.
    const created = await version(projectId);
    expect(created.rootTreeId).toBe(await wholeDraftRoot(projectId));
  });

  it("returns to the first version's top tree when a change is undone by a removal", async () => {
    const projectId = await newProject(testDb.db, { "a/x.ts": `x ${randomUUID()}` });
    const first = await version(projectId);
    value(await createDraftFile(testDb.db, { projectId, path: "a/y.ts", content: `y ${randomUUID()}` }));
    await version(projectId);
    value(await deleteDraftPath(testDb.db, { projectId, path: "a/y.ts" }));

    expect((await version(projectId)).rootTreeId).toBe(first.rootTreeId);
  });
});
