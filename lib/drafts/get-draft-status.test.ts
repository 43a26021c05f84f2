import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { save } from "@/lib/testing/draft-helpers";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { restoreVersion } from "@/lib/versions/restore-version";
import { createDraftFile } from "./create-draft-file";
import { deleteDraftPath } from "./delete-draft-path";
import { getDraftStatus } from "./get-draft-status";
import { hasUnversionedWork } from "./has-unversioned-work";
import { renameDraftPath } from "./rename-draft-path";

const testDb = setupTestDb();

async function status(projectId: string) {
  return value(await getDraftStatus(testDb.db, projectId));
}

function based(v: { id: string; number: number; name: string }) {
  return { id: v.id, number: v.number, name: v.name };
}

const unchanged = { changed: false, added: 0, modified: 0, removed: 0 };

describe("getDraftStatus", () => {
  it("without versions: no base, every file counts as added", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b", "dir/c.ts": "c" });
    expect(await status(projectId)).toEqual({ base: null, changed: true, added: 3, modified: 0, removed: 0 });
  });

  it("without versions and without files: unchanged", async () => {
    const { db } = testDb;
    const projectId = await newProject(db);
    expect(await status(projectId)).toEqual({ base: null, ...unchanged });
  });

  it("after creating a version: based on it, unchanged", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b" });
    const v1 = await version(db, projectId, "1.0.0");
    expect(await status(projectId)).toEqual({ base: based(v1), ...unchanged });

    const v2 = await version(db, projectId, "1.0.1");
    expect(await status(projectId)).toEqual({ base: based(v2), ...unchanged });
  });

  it("counts one save, one create and one delete exactly", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b", "c.ts": "c" });
    const v1 = await version(db, projectId, "1.0.0");

    await save(db, projectId, "a.ts", "a changed");
    expect(await status(projectId)).toEqual({ base: based(v1), changed: true, added: 0, modified: 1, removed: 0 });
    value(await createDraftFile(db, { projectId, path: "d.ts", content: "d" }));
    expect(await status(projectId)).toEqual({ base: based(v1), changed: true, added: 1, modified: 1, removed: 0 });
    value(await deleteDraftPath(db, { projectId, path: "b.ts" }));
    expect(await status(projectId)).toEqual({ base: based(v1), changed: true, added: 1, modified: 1, removed: 1 });
  });

  it("counts a rename as one removed and one added file", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "dir/b.ts": "b", "dir/c.ts": "c" });
    const v1 = await version(db, projectId, "1.0.0");
    value(await renameDraftPath(db, { projectId, from: "dir", to: "folder" }));
    expect(await status(projectId)).toEqual({ base: based(v1), changed: true, added: 2, modified: 0, removed: 2 });
  });

  it("counts every file removed when the draft is emptied", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b" });
    const v1 = await version(db, projectId, "1.0.0");
    value(await deleteDraftPath(db, { projectId, path: "a.ts" }));
    value(await deleteDraftPath(db, { projectId, path: "b.ts" }));
    expect(await status(projectId)).toEqual({ base: based(v1), changed: true, added: 0, modified: 0, removed: 2 });
  });

  it("after restoring an older version: based on it, unchanged", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one", "b.ts": "b" });
    const a = await version(db, projectId, "1.0.0");
    await save(db, projectId, "a.ts", "two");
    value(await createDraftFile(db, { projectId, path: "c.ts", content: "c" }));
    const b = await version(db, projectId, "1.1.0");
    await save(db, projectId, "b.ts", "unversioned");

    const outcome = value(await restoreVersion(db, { projectId, versionId: a.id, saveBackup: true, author: "bob" }));
    expect(outcome.backup).not.toBeNull();
    expect(await status(projectId)).toEqual({ base: based(a), ...unchanged });

    value(await restoreVersion(db, { projectId, versionId: b.id, saveBackup: true, author: "bob" }));
    expect(await status(projectId)).toEqual({ base: based(b), ...unchanged });
  });

  it("is unchanged again when a file is edited back to its original text", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "original\n", "b.ts": "b" });
    const v1 = await version(db, projectId, "1.0.0");

    await save(db, projectId, "a.ts", "edited\n");
    expect(await status(projectId)).toMatchObject({ changed: true, modified: 1 });
    await save(db, projectId, "a.ts", "original\n");
    expect(await status(projectId)).toEqual({ base: based(v1), ...unchanged });

    value(await renameDraftPath(db, { projectId, from: "b.ts", to: "c.ts" }));
    expect(await status(projectId)).toMatchObject({ changed: true, added: 1, removed: 1 });
    value(await renameDraftPath(db, { projectId, from: "c.ts", to: "b.ts" }));
    expect(await status(projectId)).toEqual({ base: based(v1), ...unchanged });

    value(await deleteDraftPath(db, { projectId, path: "b.ts" }));
    value(await createDraftFile(db, { projectId, path: "b.ts", content: "b" }));
    expect(await status(projectId)).toEqual({ base: based(v1), ...unchanged });
  });

  it("compares with its base even when the draft equals another version", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    await version(db, projectId, "1.0.0");
    await save(db, projectId, "a.ts", "two");
    const v2 = await version(db, projectId, "1.1.0");
    await save(db, projectId, "a.ts", "one");

    expect(await status(projectId)).toEqual({ base: based(v2), changed: true, added: 0, modified: 1, removed: 0 });
  });

  it("refuses an unknown project", async () => {
    const { db } = testDb;
    expect(failure(await getDraftStatus(db, randomUUID())).code).toBe("not_found");
  });
});

describe("hasUnversionedWork", () => {
  it("is false for an empty draft, with or without versions", async () => {
    const { db } = testDb;
    const projectId = await newProject(db);
    expect(await hasUnversionedWork(db, projectId)).toBe(false);
    value(await createDraftFile(db, { projectId, path: "a.ts", content: "a" }));
    await version(db, projectId, "1.0.0");
    value(await deleteDraftPath(db, { projectId, path: "a.ts" }));
    expect(await hasUnversionedWork(db, projectId)).toBe(false);
  });

  it("is true for files no version captures, and false once one does", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    expect(await hasUnversionedWork(db, projectId)).toBe(true);
    await version(db, projectId, "1.0.0");
    expect(await hasUnversionedWork(db, projectId)).toBe(false);
    await save(db, projectId, "a.ts", "b");
    expect(await hasUnversionedWork(db, projectId)).toBe(true);
  });

  it("is false when the draft equals a version that is not its base", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    await version(db, projectId, "1.0.0");
    await save(db, projectId, "a.ts", "two");
    await version(db, projectId, "1.1.0");
    await save(db, projectId, "a.ts", "one");
    expect(await hasUnversionedWork(db, projectId)).toBe(false);
  });

  it("ignores versions of other projects", async () => {
    const { db } = testDb;
    const other = await newProject(db, { "a.ts": "same" });
    await version(db, other, "1.0.0");
    const projectId = await newProject(db, { "a.ts": "same" });
    expect(await hasUnversionedWork(db, projectId)).toBe(true);
  });
});
