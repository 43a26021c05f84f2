import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import { renameDraftPath } from "@/lib/drafts/rename-draft-path";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { hashContent } from "@/lib/files/hash-content";
import { newProject, setupTestDb, value } from "@/lib/testing/harness";
import { createVersion } from "./create-version";
import { restoreVersion } from "./restore-version";
import { storeTree } from "./store-tree";
import { versionContents } from "./test-fixtures";
import { treeHash } from "./tree-hash";

// A version is built from the draft's changes since its base version, applied to the base's
// trees. Whatever the edits in between, it must be exactly what building the version from
// the whole draft gives: the same top tree row, tree hash, count, size, files and contents.

const testDb = setupTestDb();

// Names chosen so byte order matters: "a-b" < "a.ts" < "a/" and "B" < "a" < "ä".
const FOLDERS = ["", "a/", "a/b/", "src/", "src/lib/deep/", "ä/"];
const NAMES = ["a.ts", "a-b", "a", "B.md", "ä.md", "x.json"];
const path = fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES)).map(([folder, name]) => folder + name);
const content = fc.oneof(fc.constantFrom("", "one", "two\n", "日本語 🚀"), fc.string({ maxLength: 12 }));
const pick = fc.nat({ max: 50 });

type Op =
  | { kind: "create"; path: string; content: string }
  | { kind: "save"; pick: number; content: string }
  | { kind: "rename"; pick: number; folder: boolean; to: string }
  | { kind: "delete"; pick: number; folder: boolean }
  | { kind: "restore"; pick: number; backup: boolean }
  | { kind: "version" }
  | { kind: "untrack" };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("create" as const), path, content }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("save" as const), pick, content }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("rename" as const), pick, folder: fc.boolean(), to: fc.oneof(path, fc.constantFrom("moved", "a/moved", "z")) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick, folder: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restore" as const), pick, backup: fc.boolean() }) },
  { weight: 3, arbitrary: fc.constant({ kind: "version" as const }) },
  // A project migrated before the draft tracked its changes: the next version reads it all.
  { weight: 1, arbitrary: fc.constant({ kind: "untrack" as const }) },
);

const scenario = fc.record({
  // A file may not sit where another file's folder is ("a" beside "a/a.ts").
  initial: fc
    .dictionary(path, content, { maxKeys: 6 })
    .map((files) => Object.fromEntries(Object.entries(files).filter(([file]) => !Object.keys(files).some((other) => other.startsWith(`${file}/`))))),
  ops: fc.array(op, { minLength: 1, maxLength: 18 }),
});

interface DraftFile {
  path: string;
  content: string;
  contentHash: string;
  size: number;
}

async function draftOf(projectId: string): Promise<DraftFile[]> {
  return testDb.db.draftFile.findMany({ where: { projectId }, select: { path: true, content: true, contentHash: true, size: true } });
}

/** The version must be what storing `draft` whole gives, and the draft is now based on it. */
async function expectWholeDraft(projectId: string, versionId: string, draft: DraftFile[]) {
  const { db } = testDb;
  const version = await db.version.findUniqueOrThrow({
    where: { id: versionId },
    select: { rootTreeId: true, treeHash: true, fileCount: true, totalSize: true },
  });
  const blobs = await db.blob.findMany({ where: { hash: { in: draft.map((file) => file.contentHash) } }, select: { hash: true, id: true } });
  const blobIds = new Map(blobs.map((blob) => [blob.hash, blob.id.toString()]));
  const wholeRoot = await db.$transaction((tx) => storeTree(tx, draft.map((file) => ({ path: file.path, blobId: blobIds.get(file.contentHash)! }))));
  expect({ ...version, rootTreeId: version.rootTreeId.toString() }).toEqual({
    rootTreeId: wholeRoot,
    treeHash: treeHash(draft),
    fileCount: draft.length,
    totalSize: BigInt(draft.reduce((sum, file) => sum + file.size, 0)),
  });
  expect(await versionContents(db, projectId, versionId)).toEqual(Object.fromEntries(draft.map((file) => [file.path, file.content])));
}

async function run(projectId: string, ops: Op[]) {
  const { db } = testDb;
  const versions: string[] = [];
  const createChecked = async () => {
    const draft = await draftOf(projectId);
    const created = value(await createVersion(db, { projectId, name: `v${versions.length + 1}`, origin: "manual", author: "ada" }));
    versions.push(created.id);
    await expectWholeDraft(projectId, created.id, draft);
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { draftBaseTreeId: true } });
    const row = await db.version.findUniqueOrThrow({ where: { id: created.id }, select: { rootTreeId: true } });
    expect(project.draftBaseTreeId).toBe(row.rootTreeId);
  };

  for (const step of ops) {
    const paths = (await draftOf(projectId)).map((file) => file.path).sort();
    const picked = paths.length > 0 && "pick" in step ? paths[step.pick % paths.length]! : undefined;
    const folderOf = (file: string) => file.slice(0, Math.max(file.lastIndexOf("/"), 0));
    switch (step.kind) {
      case "create":
        await createDraftFile(db, { projectId, path: step.path, content: step.content });
        break;
      case "save": {
        if (!picked) break;
        const { revision } = await db.draftFile.findUniqueOrThrow({ where: { projectId_path: { projectId, path: picked } } });
        value(await saveDraftFile(db, { projectId, path: picked, content: step.content, baseRevision: revision }));
        break;
      }
      case "rename": {
        const from = picked && step.folder ? folderOf(picked) : picked;
        if (from) await renameDraftPath(db, { projectId, from, to: step.to });
        break;
      }
      case "delete": {
        const target = picked && step.folder ? folderOf(picked) : picked;
        if (target) value(await deleteDraftPath(db, { projectId, path: target }));
        break;
      }
      case "restore": {
        if (versions.length === 0) break;
        const before = await draftOf(projectId);
        const restored = value(
          await restoreVersion(db, { projectId, versionId: versions[step.pick % versions.length]!, saveBackup: step.backup, author: "ada" }),
        );
        if (restored.backup) {
          versions.push(restored.backup.id);
          await expectWholeDraft(projectId, restored.backup.id, before);
        }
        break;
      }
      case "version":
        await createChecked();
        break;
      case "untrack":
        await db.project.update({ where: { id: projectId }, data: { draftBaseTreeId: null } });
        break;
    }
  }
  await createChecked();
}

describe("a version built from the draft's changes since its base", () => {
  it("equals the version built from the whole draft, through any edits, restores and versions", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ initial, ops }) => {
        const projectId = await newProject(testDb.db, initial);
        await run(projectId, ops);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});

describe("a version created while the draft changes", () => {
  // On PostgreSQL (npm run test:postgres) these really race; PGlite serialises them.
  it("is one state of the draft, and the next version takes in every save, deletion and creation it missed", async () => {
    const { db } = testDb;
    const paths = Array.from({ length: 24 }, (_, index) => `folder${index % 3}/file${index}.ts`);
    const projectId = await newProject(db, Object.fromEntries(paths.map((file) => [file, "v0"])));
    value(await createVersion(db, { projectId, name: "base", origin: "manual", author: "ada" }));

    for (let round = 1; round <= 4; round++) {
      const draft = await draftOf(projectId);
      const revisions = await db.draftFile.findMany({ where: { projectId }, select: { path: true, revision: true } });
      const saved = revisions.filter((_, index) => index % 2 === 0);
      const deleted = draft.map((file) => file.path).filter((_, index) => index % 7 === round % 7);
      const recreated = paths.filter((file) => !draft.some((existing) => existing.path === file)).slice(0, 2);
      await Promise.all([
        ...saved.map((file) => saveDraftFile(db, { projectId, path: file.path, content: `round ${round}`, baseRevision: file.revision })),
        ...deleted.map((file) => deleteDraftPath(db, { projectId, path: file })),
        ...recreated.map((file) => createDraftFile(db, { projectId, path: file, content: `again ${round}` })),
        createVersion(db, { projectId, name: `during ${round}`, origin: "manual", author: "ada" }),
      ]);
    }

    // Each version holds files whose tree hash, count and size are the ones recorded with it.
    const versions = await db.version.findMany({ where: { projectId }, select: { id: true, treeHash: true, fileCount: true } });
    for (const version of versions) {
      const files = Object.entries(await versionContents(db, projectId, version.id));
      expect({ treeHash: version.treeHash, fileCount: version.fileCount }).toEqual({
        treeHash: treeHash(files.map(([file, text]) => ({ path: file, contentHash: hashContent(text) }))),
        fileCount: files.length,
      });
    }
    const draft = await draftOf(projectId);
    const last = value(await createVersion(db, { projectId, name: "after", origin: "manual", author: "ada" }));
    await expectWholeDraft(projectId, last.id, draft);
  }, 120_000);
});
