import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import { renameDraftPath } from "@/lib/drafts/rename-draft-path";
import { hashContent } from "@/lib/files/hash-content";
import { save } from "@/lib/testing/draft-helpers";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { countChanges } from "./count-changes";
import { diffTrees, type TreeChange, type TreeRef } from "./diff-trees";
import { getVersionFiles } from "./get-version-files";
import { treeHash } from "./tree-hash";

const testDb = setupTestDb();

const draftRef: TreeRef = { kind: "draft" };
function versionRef(versionId: string): TreeRef {
  return { kind: "version", versionId };
}

function change(path: string, from: string | null, to: string | null): TreeChange {
  const fromHash = from === null ? null : hashContent(from);
  const toHash = to === null ? null : hashContent(to);
  const status = from === null ? "added" : to === null ? "removed" : fromHash === toHash ? "unchanged" : "modified";
  return { path, status, fromHash, toHash };
}

function byteOrder(paths: string[]): string[] {
  return [...paths].sort((left, right) => Buffer.compare(Buffer.from(left), Buffer.from(right)));
}

describe("diffTrees", () => {
  it("compares a version with the draft: added, modified, removed, unchanged by path", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b", "c.ts": "c", "d/e.ts": "e" });
    const v1 = await version(db, projectId, "1.0.0");
    await save(db, projectId, "a.ts", "a changed");
    value(await deleteDraftPath(db, { projectId, path: "b.ts" }));
    value(await createDraftFile(db, { projectId, path: "f.ts", content: "f" }));
    value(await renameDraftPath(db, { projectId, from: "d", to: "g" }));

    const changes = value(await diffTrees(db, projectId, versionRef(v1.id), draftRef));

    expect(changes).toEqual([
      change("a.ts", "a", "a changed"),
      change("b.ts", "b", null),
      change("c.ts", "c", "c"),
      change("d/e.ts", "e", null),
      change("f.ts", null, "f"),
      change("g/e.ts", null, "e"),
    ]);
    expect(countChanges(changes)).toEqual({ added: 2, modified: 1, removed: 2 });

    // The other direction swaps added and removed.
    const reversed = value(await diffTrees(db, projectId, draftRef, versionRef(v1.id)));
    expect(reversed).toEqual([
      change("a.ts", "a changed", "a"),
      change("b.ts", null, "b"),
      change("c.ts", "c", "c"),
      change("d/e.ts", null, "e"),
      change("f.ts", "f", null),
      change("g/e.ts", "e", null),
    ]);
    expect(countChanges(reversed)).toEqual({ added: 2, modified: 1, removed: 2 });
  });

  it("compares two versions", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "keep.ts": "k", "edit.ts": "1", "drop.ts": "d" });
    const v1 = await version(db, projectId, "1.0.0");
    await save(db, projectId, "edit.ts", "2");
    value(await deleteDraftPath(db, { projectId, path: "drop.ts" }));
    value(await createDraftFile(db, { projectId, path: "new.ts", content: "n" }));
    const v2 = await version(db, projectId, "1.1.0");
    await save(db, projectId, "keep.ts", "draft-only change");

    const changes = value(await diffTrees(db, projectId, versionRef(v1.id), versionRef(v2.id)));

    expect(changes).toEqual([
      change("drop.ts", "d", null),
      change("edit.ts", "1", "2"),
      change("keep.ts", "k", "k"),
      change("new.ts", null, "n"),
    ]);
    expect(countChanges(changes)).toEqual({ added: 1, modified: 1, removed: 1 });
  });

  it("finds identical trees all unchanged", async () => {
    const { db } = testDb;
    const files = { "a.ts": "a", "dir/b.ts": "b", "empty.txt": "" };
    const projectId = await newProject(db, files);
    const v1 = await version(db, projectId, "1.0.0");
    const v2 = await version(db, projectId, "1.0.1");
    const expected = Object.entries(files).map(([path, content]) => change(path, content, content));

    for (const [from, to] of [
      [versionRef(v1.id), draftRef],
      [draftRef, versionRef(v1.id)],
      [versionRef(v1.id), versionRef(v2.id)],
      [versionRef(v1.id), versionRef(v1.id)],
      [draftRef, draftRef],
    ] as const) {
      const changes = value(await diffTrees(db, projectId, from, to));
      expect(changes).toEqual(expected);
      expect(countChanges(changes)).toEqual({ added: 0, modified: 0, removed: 0 });
    }
  });

  it("compares content, not revisions: a file edited and edited back is unchanged", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "original" });
    const v1 = await version(db, projectId, "1.0.0");
    await save(db, projectId, "a.ts", "something else");
    await save(db, projectId, "a.ts", "original");

    expect(value(await diffTrees(db, projectId, versionRef(v1.id), draftRef))).toEqual([change("a.ts", "original", "original")]);
  });

  it("handles empty sides", async () => {
    const { db } = testDb;
    const projectId = await newProject(db);
    const empty = await version(db, projectId, "empty");
    expect(value(await diffTrees(db, projectId, versionRef(empty.id), draftRef))).toEqual([]);

    value(await createDraftFile(db, { projectId, path: "a.ts", content: "a" }));
    const full = await version(db, projectId, "full");
    expect(value(await diffTrees(db, projectId, versionRef(empty.id), versionRef(full.id)))).toEqual([change("a.ts", null, "a")]);
    expect(value(await diffTrees(db, projectId, versionRef(full.id), versionRef(empty.id)))).toEqual([change("a.ts", "a", null)]);
  });

  it("sorts by path in byte order", async () => {
    const { db } = testDb;
    const paths = ["a.ts", "B.ts", "Z", "a-b.ts", "a/b.ts", "a b.ts", "ä.ts", "日本/語.ts", "_x.ts", "C/z.ts"];
    const projectId = await newProject(db, Object.fromEntries(paths.map((path) => [path, path])));
    const v1 = await version(db, projectId, "1.0.0");
    await save(db, projectId, "a-b.ts", "changed");

    const changes = value(await diffTrees(db, projectId, versionRef(v1.id), draftRef));

    expect(changes.map((entry) => entry.path)).toEqual(byteOrder(paths));
    expect(changes.filter((entry) => entry.status !== "unchanged")).toEqual([change("a-b.ts", "a-b.ts", "changed")]);
  });

  it("compares only files of the project's own draft", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    const v1 = await version(db, projectId, "1.0.0");
    await newProject(db, { "a.ts": "other", "b.ts": "other" });

    expect(value(await diffTrees(db, projectId, versionRef(v1.id), draftRef))).toEqual([change("a.ts", "a", "a")]);
  });

  it("refuses a version of another project or an unknown version", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    const own = await version(db, projectId, "1.0.0");
    const other = await newProject(db, { "a.ts": "a" });
    const foreign = await version(db, other, "1.0.0");

    for (const [from, to] of [
      [versionRef(foreign.id), draftRef],
      [draftRef, versionRef(foreign.id)],
      [versionRef(own.id), versionRef(foreign.id)],
      [versionRef(foreign.id), versionRef(own.id)],
      [versionRef(randomUUID()), draftRef],
      [versionRef(own.id), versionRef(randomUUID())],
    ] as const) {
      expect(failure(await diffTrees(db, projectId, from, to)).code).toBe("not_found");
    }
  });
});

describe("countChanges", () => {
  it("counts each status except unchanged", () => {
    expect(countChanges([])).toEqual({ added: 0, modified: 0, removed: 0 });
    expect(
      countChanges([
        change("a", null, "a"),
        change("b", null, "b"),
        change("c", "c", "c2"),
        change("d", "d", null),
        change("e", "e", "e"),
      ]),
    ).toEqual({ added: 2, modified: 1, removed: 1 });
  });
});

describe("tree hash", () => {
  async function storedHash(versionId: string): Promise<string> {
    return (await testDb.db.version.findUniqueOrThrow({ where: { id: versionId }, select: { treeHash: true } })).treeHash;
  }

  async function jsHashOf(versionId: string): Promise<string> {
    const { projectId } = await testDb.db.version.findUniqueOrThrow({ where: { id: versionId }, select: { projectId: true } });
    const files = value(await getVersionFiles(testDb.db, projectId, versionId));
    return treeHash(files.map((file) => ({ path: file.path, contentHash: hashContent(file.content) })));
  }

  it("of an empty file set is the SHA-256 of nothing", () => {
    expect(treeHash([])).toBe(createHash("sha256").update("").digest("hex"));
  });

  it("is the SHA-256 of the sorted path<TAB>hash lines", () => {
    const files = [
      { path: "b", contentHash: hashContent("b") },
      { path: "a", contentHash: hashContent("a") },
    ];
    const expected = createHash("sha256")
      .update(`a\t${hashContent("a")}\nb\t${hashContent("b")}`)
      .digest("hex");
    expect(treeHash(files)).toBe(expected);
    expect(treeHash([...files].reverse())).toBe(expected);
  });

  it("stored for a version equals treeHash of its paths and blob hashes", async () => {
    const { db } = testDb;
    const files = {
      "a.ts": "a",
      "B.ts": "b",
      "a b.ts": "space",
      "a-b.ts": "dash",
      "a/b.ts": "folder",
      "ä.ts": "umlaut",
      "日本/語.ts": "日本語 🚀",
      "empty.txt": "",
      "crlf.yaml": "a: 1\r\n",
    };
    const projectId = await newProject(db, files);
    const v1 = await version(db, projectId, "1.0.0");

    const stored = await storedHash(v1.id);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).toBe(await jsHashOf(v1.id));
    expect(stored).toBe(treeHash(Object.entries(files).map(([path, content]) => ({ path, contentHash: hashContent(content) }))));

    const empty = await version(db, await newProject(db), "empty");
    expect(await storedHash(empty.id)).toBe(treeHash([]));
  });

  it("is shared by versions of an identical draft and differs when a path or a content differs", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "dir/b.ts": "b" });
    const v1 = await version(db, projectId, "1.0.0");
    const v2 = await version(db, projectId, "1.0.1");
    expect(await storedHash(v2.id)).toBe(await storedHash(v1.id));

    const elsewhere = await newProject(db, { "dir/b.ts": "b", "a.ts": "a" });
    expect(await storedHash((await version(db, elsewhere, "x")).id)).toBe(await storedHash(v1.id));

    value(await renameDraftPath(db, { projectId, from: "a.ts", to: "c.ts" }));
    const renamed = await version(db, projectId, "renamed");
    expect(await storedHash(renamed.id)).not.toBe(await storedHash(v1.id));

    value(await renameDraftPath(db, { projectId, from: "c.ts", to: "a.ts" }));
    await save(db, projectId, "a.ts", "A");
    const edited = await version(db, projectId, "edited");
    expect(await storedHash(edited.id)).not.toBe(await storedHash(v1.id));

    await save(db, projectId, "a.ts", "a");
    const back = await version(db, projectId, "back");
    expect(await storedHash(back.id)).toBe(await storedHash(v1.id));
  });
});
