import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDb } from "@/lib/db/test-db";
import { createProject } from "@/lib/projects/create-project";
import type { Result } from "@/lib/result";
import { createVersion } from "@/lib/versions/create-version";
import { restoreVersion } from "@/lib/versions/restore-version";
import { createDraftFile } from "./create-draft-file";
import { deleteDraftPath } from "./delete-draft-path";
import { getDraftStatus } from "./get-draft-status";
import { hasUnversionedWork } from "./has-unversioned-work";
import { renameDraftPath } from "./rename-draft-path";
import { saveDraftFile } from "./save-draft-file";

let testDb: Awaited<ReturnType<typeof createTestDb>>;
let db: PrismaClient;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.prisma;
});
afterAll(() => testDb?.close());

let projectCount = 0;
async function newProject(files: Record<string, string> = {}): Promise<string> {
  const slug = `status-${++projectCount}`;
  const created = await createProject(db, {
    slug,
    name: slug,
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    environments: [],
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure<T>(result: Result<T>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

async function version(projectId: string, name: string) {
  return value(await createVersion(db, { projectId, name, origin: "manual", author: "ada@example.com" }));
}

async function save(projectId: string, path: string, content: string) {
  const file = await db.draftFile.findUniqueOrThrow({ where: { projectId_path: { projectId, path } } });
  value(await saveDraftFile(db, { projectId, path, content, baseRevision: file.revision }));
}

async function status(projectId: string) {
  return value(await getDraftStatus(db, projectId));
}

function based(v: { id: string; number: number; name: string }) {
  return { id: v.id, number: v.number, name: v.name };
}

const unchanged = { changed: false, added: 0, modified: 0, removed: 0 };

describe("getDraftStatus", () => {
  it("without versions: no base, every file counts as added", async () => {
    const projectId = await newProject({ "a.ts": "a", "b.ts": "b", "dir/c.ts": "c" });
    expect(await status(projectId)).toEqual({ base: null, changed: true, added: 3, modified: 0, removed: 0 });
  });

  it("without versions and without files: unchanged", async () => {
    const projectId = await newProject();
    expect(await status(projectId)).toEqual({ base: null, ...unchanged });
  });

  it("after creating a version: based on it, unchanged", async () => {
    const projectId = await newProject({ "a.ts": "a", "b.ts": "b" });
    const v1 = await version(projectId, "1.0.0");
    expect(await status(projectId)).toEqual({ base: based(v1), ...unchanged });

    const v2 = await version(projectId, "1.0.1");
    expect(await status(projectId)).toEqual({ base: based(v2), ...unchanged });
  });

  it("counts one save, one create and one delete exactly", async () => {
    const projectId = await newProject({ "a.ts": "a", "b.ts": "b", "c.ts": "c" });
    const v1 = await version(projectId, "1.0.0");

    await save(projectId, "a.ts", "a changed");
    expect(await status(projectId)).toEqual({ base: based(v1), changed: true, added: 0, modified: 1, removed: 0 });
    value(await createDraftFile(db, { projectId, path: "d.ts", content: "d" }));
    expect(await status(projectId)).toEqual({ base: based(v1), changed: true, added: 1, modified: 1, removed: 0 });
    value(await deleteDraftPath(db, { projectId, path: "b.ts" }));
    expect(await status(projectId)).toEqual({ base: based(v1), changed: true, added: 1, modified: 1, removed: 1 });
  });

  it("counts a rename as one removed and one added file", async () => {
    const projectId = await newProject({ "a.ts": "a", "dir/b.ts": "b", "dir/c.ts": "c" });
    const v1 = await version(projectId, "1.0.0");
    value(await renameDraftPath(db, { projectId, from: "dir", to: "folder" }));
    expect(await status(projectId)).toEqual({ base: based(v1), changed: true, added: 2, modified: 0, removed: 2 });
  });

  it("counts every file removed when the draft is emptied", async () => {
    const projectId = await newProject({ "a.ts": "a", "b.ts": "b" });
    const v1 = await version(projectId, "1.0.0");
    value(await deleteDraftPath(db, { projectId, path: "a.ts" }));
    value(await deleteDraftPath(db, { projectId, path: "b.ts" }));
    expect(await status(projectId)).toEqual({ base: based(v1), changed: true, added: 0, modified: 0, removed: 2 });
  });

  it("after restoring an older version: based on it, unchanged", async () => {
    const projectId = await newProject({ "a.ts": "one", "b.ts": "b" });
    const a = await version(projectId, "1.0.0");
    await save(projectId, "a.ts", "two");
    value(await createDraftFile(db, { projectId, path: "c.ts", content: "c" }));
    const b = await version(projectId, "1.1.0");
    await save(projectId, "b.ts", "unversioned");

    const outcome = value(await restoreVersion(db, { projectId, versionId: a.id, saveBackup: true, author: "bob" }));
    expect(outcome.backup).not.toBeNull();
    expect(await status(projectId)).toEqual({ base: based(a), ...unchanged });

    value(await restoreVersion(db, { projectId, versionId: b.id, saveBackup: true, author: "bob" }));
    expect(await status(projectId)).toEqual({ base: based(b), ...unchanged });
  });

  it("is unchanged again when a file is edited back to its original text", async () => {
    const projectId = await newProject({ "a.ts": "original\n", "b.ts": "b" });
    const v1 = await version(projectId, "1.0.0");

    await save(projectId, "a.ts", "edited\n");
    expect(await status(projectId)).toMatchObject({ changed: true, modified: 1 });
    await save(projectId, "a.ts", "original\n");
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
    const projectId = await newProject({ "a.ts": "one" });
    await version(projectId, "1.0.0");
    await save(projectId, "a.ts", "two");
    const v2 = await version(projectId, "1.1.0");
    await save(projectId, "a.ts", "one");

    expect(await status(projectId)).toEqual({ base: based(v2), changed: true, added: 0, modified: 1, removed: 0 });
  });

  it("refuses an unknown project", async () => {
    expect(failure(await getDraftStatus(db, randomUUID())).code).toBe("not_found");
  });
});

describe("hasUnversionedWork", () => {
  it("is false for an empty draft, with or without versions", async () => {
    const projectId = await newProject();
    expect(await hasUnversionedWork(db, projectId)).toBe(false);
    value(await createDraftFile(db, { projectId, path: "a.ts", content: "a" }));
    await version(projectId, "1.0.0");
    value(await deleteDraftPath(db, { projectId, path: "a.ts" }));
    expect(await hasUnversionedWork(db, projectId)).toBe(false);
  });

  it("is true for files no version captures, and false once one does", async () => {
    const projectId = await newProject({ "a.ts": "a" });
    expect(await hasUnversionedWork(db, projectId)).toBe(true);
    await version(projectId, "1.0.0");
    expect(await hasUnversionedWork(db, projectId)).toBe(false);
    await save(projectId, "a.ts", "b");
    expect(await hasUnversionedWork(db, projectId)).toBe(true);
  });

  it("is false when the draft equals a version that is not its base", async () => {
    const projectId = await newProject({ "a.ts": "one" });
    await version(projectId, "1.0.0");
    await save(projectId, "a.ts", "two");
    await version(projectId, "1.1.0");
    await save(projectId, "a.ts", "one");
    expect(await hasUnversionedWork(db, projectId)).toBe(false);
  });

  it("ignores versions of other projects", async () => {
    const other = await newProject({ "a.ts": "same" });
    await version(other, "1.0.0");
    const projectId = await newProject({ "a.ts": "same" });
    expect(await hasUnversionedWork(db, projectId)).toBe(true);
  });
});
