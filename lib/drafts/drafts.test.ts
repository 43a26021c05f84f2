import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashContent } from "@/lib/files/hash-content";
import { MAX_FILES_PER_PROJECT } from "@/lib/files/limits";
import { revisionOf } from "@/lib/testing/draft-helpers";
import { PATH_CLASHES } from "@/lib/testing/path-clashes";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { createDraftFile } from "./create-draft-file";
import { deleteDraftPath } from "./delete-draft-path";
import { getDraftFile } from "./get-draft-file";
import { listDraftFiles } from "./list-draft-files";
import { renameDraftPath } from "./rename-draft-path";
import { saveDraftFile } from "./save-draft-file";

const testDb = setupTestDb();

/** path → content, revision for one project's draft. */
async function draft(projectId: string) {
  const rows = await testDb.db.draftFile.findMany({
    where: { projectId },
    select: { path: true, content: true, revision: true },
    orderBy: { path: "asc" },
  });
  return Object.fromEntries(rows.map((row) => [row.path, { content: row.content, revision: row.revision }]));
}

type Draft = Awaited<ReturnType<typeof draft>>;

/** The revision of one file in a draft snapshot; throws if the file is not there. */
function revisionIn(files: Draft, path: string): number {
  const file = files[path];
  if (!file) throw new Error(`${path} is not in the draft`);
  return file.revision;
}

/** Every draft file's revision, across all projects. */
async function allRevisions(): Promise<number[]> {
  return (await testDb.db.draftFile.findMany({ select: { revision: true } })).map((row) => row.revision);
}

/** Revisions come from one sequence, so no two files anywhere ever share one. */
async function expectRevisionsUnique() {
  const revisions = await allRevisions();
  expect(new Set(revisions).size).toBe(revisions.length);
}

/**
 * After a rename: each moved file sits at its new path with its text and a newer revision,
 * every other file is exactly as it was.
 */
async function expectRenamed(projectId: string, before: Draft, moves: Record<string, string>) {
  const after = await draft(projectId);
  const expected: Draft = {};
  for (const [path, file] of Object.entries(before)) {
    const to = moves[path];
    if (to === undefined) expected[path] = file;
    else expected[to] = { content: file.content, revision: expect.any(Number) as number };
  }
  expect(after).toEqual(expected);
  for (const [from, to] of Object.entries(moves)) {
    expect(revisionIn(after, to), `${from} → ${to}`).toBeGreaterThan(revisionIn(before, from));
  }
  await expectRevisionsUnique();
  return after;
}

/** Sorted here rather than by the database, whose collation may order punctuation differently. */
async function paths(projectId: string) {
  return (await listDraftFiles(testDb.db, projectId)).map((file) => file.path).sort();
}

/** Everything a refused call must leave alone. */
async function everything(projectId: string) {
  return { draft: await draft(projectId), totalFiles: await testDb.db.draftFile.count() };
}

describe("saveDraftFile", () => {
  it("saves on the current revision and moves it forward", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const loaded = value(await getDraftFile(db, projectId, "a.ts"));
    expect(loaded).toEqual({ path: "a.ts", content: "one", revision: await revisionOf(db, projectId, "a.ts") });

    const second = value(await saveDraftFile(db, { projectId, path: "a.ts", content: "two", baseRevision: loaded.revision }));
    expect(second.revision).toBeGreaterThan(loaded.revision);
    expect(await revisionOf(db, projectId, "a.ts")).toBe(second.revision);

    const third = value(await saveDraftFile(db, { projectId, path: "a.ts", content: "three ✓", baseRevision: second.revision }));
    expect(third.revision).toBeGreaterThan(second.revision);
    expect(await revisionOf(db, projectId, "a.ts")).toBe(third.revision);

    expect(value(await getDraftFile(db, projectId, "a.ts"))).toEqual({ path: "a.ts", content: "three ✓", revision: third.revision });
    const [entry] = await listDraftFiles(db, projectId);
    expect(entry).toEqual({ path: "a.ts", revision: third.revision, size: 9, contentHash: hashContent("three ✓") });
    await expectRevisionsUnique();
  });

  it("refuses a stale revision with the current text and changes nothing", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const loaded = await revisionOf(db, projectId, "a.ts");
    const theirs = value(await saveDraftFile(db, { projectId, path: "a.ts", content: "theirs", baseRevision: loaded }));
    const before = await everything(projectId);
    expect(revisionIn(before.draft, "a.ts")).toBe(theirs.revision);

    const result = await saveDraftFile(db, { projectId, path: "a.ts", content: "mine", baseRevision: loaded });

    expect(result).toEqual({
      ok: false,
      error: {
        code: "conflict",
        message: "a.ts was changed elsewhere since this editor loaded it.",
        current: { content: "theirs", revision: theirs.revision, updatedBy: null, updatedAt: expect.any(Date) as Date },
      },
    });
    expect(await everything(projectId)).toEqual(before);
  });

  it("refuses a revision from the future", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const before = await everything(projectId);
    const current = revisionIn(before.draft, "a.ts");
    const future = Math.max(...(await allRevisions())) + 1000;
    const result = await saveDraftFile(db, { projectId, path: "a.ts", content: "mine", baseRevision: future });
    expect(failure(result)).toMatchObject({ code: "conflict", current: { content: "one", revision: current } });
    expect(await everything(projectId)).toEqual(before);
  });

  it.each([
    [2 ** 31 - 1, "conflict"],
    [2 ** 31, "invalid"],
    [Number.MAX_SAFE_INTEGER, "invalid"],
  ])("answers a base revision of %d as %s, never as a database error", async (baseRevision, code) => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const before = await everything(projectId);
    const error = failure(await saveDraftFile(db, { projectId, path: "a.ts", content: "mine", baseRevision }));
    expect(error.code).toBe(code);
    if (code === "invalid") {
      expect(error.message).toBe(`The save names revision ${baseRevision}, which no file can have: revisions go up to 2,147,483,647. Reload the file.`);
    }
    expect(await everything(projectId)).toEqual(before);
  });

  it("a file deleted and created again never reuses a revision", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "x.ts": "old", "y.ts": "other" });
    const loaded = value(await getDraftFile(db, projectId, "x.ts"));
    value(await deleteDraftPath(db, { projectId, path: "x.ts" }));
    const created = value(await createDraftFile(db, { projectId, path: "x.ts", content: "new" }));
    expect(created.revision).toBeGreaterThan(loaded.revision);
    const before = await everything(projectId);
    expect(revisionIn(before.draft, "x.ts")).toBe(created.revision);

    const result = await saveDraftFile(db, { projectId, path: "x.ts", content: "stale", baseRevision: loaded.revision });

    expect(result).toEqual({
      ok: false,
      error: {
        code: "conflict",
        message: "x.ts was changed elsewhere since this editor loaded it.",
        current: { content: "new", revision: created.revision, updatedBy: null, updatedAt: expect.any(Date) as Date },
      },
    });
    expect(await everything(projectId)).toEqual(before);
    expect(value(await getDraftFile(db, projectId, "x.ts"))).toEqual({ path: "x.ts", content: "new", revision: created.revision });
  });

  it("of 20 concurrent saves on one revision acknowledges exactly one and keeps its text", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "base" });
    const base = await revisionOf(db, projectId, "a.ts");

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        saveDraftFile(db, { projectId, path: "a.ts", content: `edit ${index}`, baseRevision: base }),
      ),
    );

    const acknowledged = results.flatMap((result, index) => (result.ok ? [{ index, revision: result.value.revision }] : []));
    expect(acknowledged).toHaveLength(1);
    const [{ index, revision }] = acknowledged as [{ index: number; revision: number }];
    const winner = `edit ${index}`;
    expect(revision).toBeGreaterThan(base);
    const refused = results.filter((result) => !result.ok);
    expect(refused).toHaveLength(19);
    for (const result of refused) {
      expect(failure(result)).toMatchObject({ code: "conflict", current: { content: winner, revision } });
    }
    expect(await draft(projectId)).toEqual({ "a.ts": { content: winner, revision } });
  });

  it("chained saves from one editor never lose a write", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "" });
    let revision = await revisionOf(db, projectId, "a.ts");
    for (let index = 1; index <= 10; index++) {
      const saved = value(await saveDraftFile(db, { projectId, path: "a.ts", content: `v${index}`, baseRevision: revision }));
      expect(saved.revision).toBeGreaterThan(revision);
      revision = saved.revision;
      expect(await draft(projectId)).toEqual({ "a.ts": { content: `v${index}`, revision } });
    }
  });

  it("refuses a save to a path that does not exist, creating nothing", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const before = await everything(projectId);
    expect(failure(await saveDraftFile(db, { projectId, path: "b.ts", content: "x", baseRevision: 1 }))).toEqual({
      code: "not_found",
      message: "b.ts no longer exists in the draft: it was renamed or deleted.",
    });
    expect(await everything(projectId)).toEqual(before);
  });

  it("only touches the file of the project it names", async () => {
    const { db } = testDb;
    const mine = await newProject(db, { "a.ts": "mine" });
    const theirs = await newProject(db, { "a.ts": "theirs" });
    const before = await draft(theirs);
    const saved = value(
      await saveDraftFile(db, { projectId: mine, path: "a.ts", content: "changed", baseRevision: await revisionOf(db, mine, "a.ts") }),
    );
    expect(await draft(mine)).toEqual({ "a.ts": { content: "changed", revision: saved.revision } });
    expect(await draft(theirs)).toEqual(before);
  });

  it.each([
    ["oversized", "x".repeat(1_048_577), "too_large"],
    ["NUL", "a\u0000b", "invalid"],
    ["lone surrogate", "a\ud800", "invalid"],
  ])("refuses %s content and changes nothing", async (_label, content, code) => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const before = await everything(projectId);
    const baseRevision = revisionIn(before.draft, "a.ts");
    expect(failure(await saveDraftFile(db, { projectId, path: "a.ts", content, baseRevision })).code).toBe(code);
    expect(await everything(projectId)).toEqual(before);
  });

  it("accepts content of exactly 1 MB", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const content = "é".repeat(524_288);
    const saved = value(await saveDraftFile(db, { projectId, path: "a.ts", content, baseRevision: await revisionOf(db, projectId, "a.ts") }));
    expect(value(await getDraftFile(db, projectId, "a.ts"))).toEqual({ path: "a.ts", content, revision: saved.revision });
    expect((await listDraftFiles(db, projectId))[0]?.size).toBe(1_048_576);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses base revision %s", async (baseRevision) => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const before = await everything(projectId);
    expect(failure(await saveDraftFile(db, { projectId, path: "a.ts", content: "x", baseRevision }))).toEqual({
      code: "invalid",
      message: "The save names no valid revision to build on.",
    });
    expect(await everything(projectId)).toEqual(before);
  });
});

describe("createDraftFile", () => {
  it("creates a file with a fresh revision under its normalised path", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const before = await draft(projectId);
    const existing = await allRevisions();

    const created = value(await createDraftFile(db, { projectId, path: " ./workflows/new.ts ", content: "const ü = 1;" }));

    expect(created).toEqual({
      path: "workflows/new.ts",
      revision: expect.any(Number),
      size: 13,
      contentHash: hashContent("const ü = 1;"),
    });
    expect(Number.isSafeInteger(created.revision) && created.revision > 0).toBe(true);
    expect(existing).not.toContain(created.revision);
    expect(created.revision).toBeGreaterThan(Math.max(...existing));
    expect(await draft(projectId)).toEqual({
      ...before,
      "workflows/new.ts": { content: "const ü = 1;", revision: created.revision },
    });
    await expectRevisionsUnique();
  });

  it("creates an empty file when no content is given", async () => {
    const { db } = testDb;
    const projectId = await newProject(db);
    const existing = await allRevisions();
    const created = value(await createDraftFile(db, { projectId, path: "empty.json" }));
    expect(created.revision).toBeGreaterThan(0);
    expect(existing).not.toContain(created.revision);
    expect(value(await getDraftFile(db, projectId, "empty.json"))).toEqual({
      path: "empty.json",
      content: "",
      revision: created.revision,
    });
  });

  it("gives every file of a new project its own revision", async () => {
    const { db } = testDb;
    const existing = await allRevisions();
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b", "c/d.ts": "d" });
    const revisions = Object.values(await draft(projectId)).map((file) => file.revision);
    expect(revisions).toHaveLength(3);
    for (const revision of revisions) {
      expect(revision).toBeGreaterThan(0);
      expect(existing).not.toContain(revision);
    }
    await expectRevisionsUnique();
  });

  it.each(PATH_CLASHES)("refuses %s as a conflict", async (_label, existing, path, message) => {
    const { db } = testDb;
    const projectId = await newProject(db, Object.fromEntries(existing.map((name) => [name, "kept"])));
    const before = await everything(projectId);
    expect(failure(await createDraftFile(db, { projectId, path, content: "new" }))).toEqual({ code: "conflict", message });
    expect(await everything(projectId)).toEqual(before);
  });

  it("tells apart names that only share a prefix", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a/x.ts": "", "ab.ts": "" });
    value(await createDraftFile(db, { projectId, path: "ab" }));
    value(await createDraftFile(db, { projectId, path: "a.ts" }));
    value(await createDraftFile(db, { projectId, path: "ab.ts.bak/x" }));
    expect(await paths(projectId)).toEqual(["a.ts", "a/x.ts", "ab", "ab.ts", "ab.ts.bak/x"]);
  });

  it("treats _ and % in paths as plain characters", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "axb/y.ts": "", "100%/z.ts": "" });
    value(await createDraftFile(db, { projectId, path: "a_b" }));
    value(await createDraftFile(db, { projectId, path: "1%" }));
    expect(await paths(projectId)).toEqual(["1%", "100%/z.ts", "a_b", "axb/y.ts"]);
  });

  it.each([
    ["../escape.ts", 'The file path may not contain "." or ".." as a folder name.'],
    ["/etc/passwd", 'Use a path relative to the project, without a leading "/".'],
    ["a//b.ts", 'The file path has an empty folder name ("//").'],
    ["a\u0000b.ts", "The file path contains a control character."],
    ["a\nb.ts", "The file path contains a control character."],
    ["a\\b.ts", 'The file path may not contain any of \\ : * ? " < > |'],
    ["", "Enter a file path."],
    ["p".repeat(256), "The file path is 256 characters long; the limit is 255."],
  ])("refuses the path %j as invalid", async (path, message) => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "one" });
    const before = await everything(projectId);
    expect(failure(await createDraftFile(db, { projectId, path }))).toEqual({ code: "invalid", message });
    expect(await everything(projectId)).toEqual(before);
  });

  it.each([
    ["oversized", "x".repeat(1_048_577), "too_large"],
    ["NUL", "\u0000", "invalid"],
  ])("refuses %s content", async (_label, content, code) => {
    const { db } = testDb;
    const projectId = await newProject(db);
    expect(failure(await createDraftFile(db, { projectId, path: "big.txt", content })).code).toBe(code);
    expect(await everything(projectId)).toEqual({ draft: {}, totalFiles: await db.draftFile.count() });
  });

  it.each([["a malformed", "no-such-project"], ["a well-formed", randomUUID()]])("refuses %s unknown project id", async (_label, projectId) => {
    const { db } = testDb;
    const before = await db.draftFile.count();
    expect(failure(await createDraftFile(db, { projectId, path: "a.ts" }))).toEqual({ code: "not_found", message: "This project does not exist." });
    expect(await db.draftFile.count()).toBe(before);
  });

  it("allows the last file up to the limit and refuses one more", async () => {
    const { db } = testDb;
    const files = Object.fromEntries(Array.from({ length: MAX_FILES_PER_PROJECT - 1 }, (_, index) => [`files/f${index}.ts`, `// ${index}`]));
    const projectId = await newProject(db, files);
    value(await createDraftFile(db, { projectId, path: "files/last.ts" }));
    expect(await db.draftFile.count({ where: { projectId } })).toBe(MAX_FILES_PER_PROJECT);

    const totalBefore = await db.draftFile.count();
    expect(failure(await createDraftFile(db, { projectId, path: "one-more.ts" }))).toEqual({
      code: "too_large",
      message: "A project holds at most 5,000 files.",
    });
    expect(await db.draftFile.count({ where: { projectId } })).toBe(MAX_FILES_PER_PROJECT);
    expect(await db.draftFile.count()).toBe(totalBefore);
  });
});

describe("renameDraftPath", () => {
  it("renames a file, keeps its text and bumps its revision", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "text", "other.ts": "o" });
    const saved = value(await saveDraftFile(db, { projectId, path: "a.ts", content: "edited", baseRevision: await revisionOf(db, projectId, "a.ts") }));
    const before = await draft(projectId);
    expect(revisionIn(before, "a.ts")).toBe(saved.revision);

    expect(value(await renameDraftPath(db, { projectId, from: "a.ts", to: "./lib/b.ts" }))).toEqual({
      renamed: [{ from: "a.ts", to: "lib/b.ts" }],
    });
    const after = await expectRenamed(projectId, before, { "a.ts": "lib/b.ts" });
    expect(after["lib/b.ts"]?.content).toBe("edited");
  });

  it("makes an editor still holding the old revision conflict instead of writing", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "text" });
    const before = await draft(projectId);
    const loaded = revisionIn(before, "a.ts");
    value(await renameDraftPath(db, { projectId, from: "a.ts", to: "b.ts" }));
    const after = await expectRenamed(projectId, before, { "a.ts": "b.ts" });
    const moved = revisionIn(after, "b.ts");

    expect(failure(await saveDraftFile(db, { projectId, path: "a.ts", content: "lost?", baseRevision: loaded })).code).toBe(
      "not_found",
    );
    expect(failure(await saveDraftFile(db, { projectId, path: "b.ts", content: "lost?", baseRevision: loaded }))).toMatchObject({
      code: "conflict",
      current: { content: "text", revision: moved },
    });
    expect(await draft(projectId)).toEqual({ "b.ts": { content: "text", revision: moved } });
  });

  it("moves a folder with everything in it and nothing else", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, {
      "src/a.ts": "a",
      "src/sub/b.ts": "b",
      "src2/c.ts": "c",
      "srcx.ts": "x",
    });
    const before = await draft(projectId);
    const result = value(await renameDraftPath(db, { projectId, from: "src", to: "lib/" }));
    expect(result.renamed.sort((left, right) => left.from.localeCompare(right.from))).toEqual([
      { from: "src/a.ts", to: "lib/a.ts" },
      { from: "src/sub/b.ts", to: "lib/sub/b.ts" },
    ]);
    const after = await expectRenamed(projectId, before, { "src/a.ts": "lib/a.ts", "src/sub/b.ts": "lib/sub/b.ts" });
    expect(Object.keys(after).sort()).toEqual(["lib/a.ts", "lib/sub/b.ts", "src2/c.ts", "srcx.ts"]);
  });

  it("moves a folder up into its parent", async () => {
    // Inserted deepest first so that a naive row-by-row move would hit a/a/x.ts while it is still there.
    const { db } = testDb;
    const projectId = await newProject(db, { "a/a/a/x.ts": "deep", "a/a/x.ts": "shallow" });
    const before = await draft(projectId);
    value(await renameDraftPath(db, { projectId, from: "a/a", to: "a" }));
    const after = await expectRenamed(projectId, before, { "a/a/a/x.ts": "a/a/x.ts", "a/a/x.ts": "a/x.ts" });
    expect(after["a/a/x.ts"]?.content).toBe("deep");
    expect(after["a/x.ts"]?.content).toBe("shallow");
  });

  it("renames a file to the name of the folder it leaves once that folder would be empty", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a/only.ts": "only" });
    const before = await draft(projectId);
    value(await renameDraftPath(db, { projectId, from: "a/only.ts", to: "a" }));
    await expectRenamed(projectId, before, { "a/only.ts": "a" });
  });

  it("changes only the case of a file's or a folder's name", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "readme.md": "r", "src/a.ts": "a", "src/b.ts": "b" });
    value(await renameDraftPath(db, { projectId, from: "readme.md", to: "README.md" }));
    value(await renameDraftPath(db, { projectId, from: "src", to: "Src" }));
    expect(await paths(projectId)).toEqual(["README.md", "Src/a.ts", "Src/b.ts"]);
  });

  it("does nothing when the name stays the same", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "text" });
    const before = await everything(projectId);
    expect(value(await renameDraftPath(db, { projectId, from: "a.ts", to: "./a.ts" }))).toEqual({ renamed: [] });
    expect(await everything(projectId)).toEqual(before);
  });

  it.each([
    ["a file onto a file", "a.ts", "b.ts", "A file named b.ts already exists."],
    ["a file onto a folder", "a.ts", "dir", "A folder named dir already exists."],
    ["a file into a file", "a.ts", "b.ts/a.ts", "b.ts is a file, so it cannot also be a folder."],
    ["a folder onto a folder", "dir", "other", "A folder named other already exists."],
    ["a folder onto a file", "dir", "b.ts", "A file named b.ts already exists."],
    ["a folder into a file", "dir", "b.ts/dir", "b.ts is a file, so it cannot also be a folder."],
    ["a file onto a folder it is in with others", "dir/x.ts", "dir", "A folder named dir already exists."],
    ["a file onto a file but for case", "a.ts", "B.ts", "A file named b.ts already exists. Paths may not differ only in case."],
    ["a file into a folder but for case", "a.ts", "DIR/a.ts", "A folder named dir already exists. Paths may not differ only in case."],
  ])("refuses to move %s", async (_label, from, to, message) => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b", "dir/x.ts": "x", "dir/y.ts": "y", "other/z.ts": "z" });
    const before = await everything(projectId);
    expect(failure(await renameDraftPath(db, { projectId, from, to }))).toEqual({ code: "conflict", message });
    expect(await everything(projectId)).toEqual(before);
  });

  it.each([
    ["dir", "dir/inner", "dir cannot be moved into itself."],
    ["dir", "dir/dir", "dir cannot be moved into itself."],
    ["dir", "../dir", 'The file path may not contain "." or ".." as a folder name.'],
    ["dir", "/dir", 'Use a path relative to the project, without a leading "/".'],
    ["dir", "a\u0000", "The file path contains a control character."],
    ["dir", "", "Enter a file path."],
  ])("refuses to move %s to %j as invalid", async (from, to, message) => {
    const { db } = testDb;
    const projectId = await newProject(db, { "dir/x.ts": "x", "dir/sub/y.ts": "y" });
    const before = await everything(projectId);
    expect(failure(await renameDraftPath(db, { projectId, from, to }))).toEqual({ code: "invalid", message });
    expect(await everything(projectId)).toEqual(before);
  });

  it("refuses a folder move that would make a path longer than 255 characters", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { [`d/${"f".repeat(250)}`]: "long", "d/short.ts": "short" });
    const before = await everything(projectId);
    const error = failure(await renameDraftPath(db, { projectId, from: "d", to: "longer-folder" }));
    expect(error.code).toBe("invalid");
    expect(error.message).toContain("The file path is 264 characters long; the limit is 255.");
    expect(await everything(projectId)).toEqual(before);
  });

  it.each([
    ["a missing file", "missing.ts"],
    ["a missing folder", "missing"],
    ["a partial name", "di"],
    ["a folder with a trailing slash", "dir/"],
  ])("refuses to move %s as not found", async (_label, from) => {
    const { db } = testDb;
    const projectId = await newProject(db, { "dir/x.ts": "x" });
    const before = await everything(projectId);
    expect(failure(await renameDraftPath(db, { projectId, from, to: "elsewhere" })).code).toBe("not_found");
    expect(await everything(projectId)).toEqual(before);
  });

  it("treats _ and % in a folder name as plain characters", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a_b/x.ts": "x", "axb/y.ts": "y", "100%/z.ts": "z" });
    const before = await draft(projectId);
    value(await renameDraftPath(db, { projectId, from: "a_b", to: "c" }));
    const after = await expectRenamed(projectId, before, { "a_b/x.ts": "c/x.ts" });
    expect(failure(await renameDraftPath(db, { projectId, from: "1%", to: "d" })).code).toBe("not_found");
    expect(await draft(projectId)).toEqual(after);
  });

  it("refuses an unknown project", async () => {
    const { db } = testDb;
    const before = await db.draftFile.count();
    expect(failure(await renameDraftPath(db, { projectId: randomUUID(), from: "a.ts", to: "b.ts" }))).toEqual({
      code: "not_found",
      message: "This project does not exist.",
    });
    expect(await db.draftFile.count()).toBe(before);
  });

  it("does not find files of another project", async () => {
    const { db } = testDb;
    const other = await newProject(db, { "shared.ts": "x" });
    const projectId = await newProject(db);
    const before = await draft(other);
    expect(failure(await renameDraftPath(db, { projectId, from: "shared.ts", to: "b.ts" })).code).toBe("not_found");
    expect(await draft(other)).toEqual(before);
  });
});

describe("deleteDraftPath", () => {
  it("deletes a file", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b" });
    const before = await draft(projectId);
    expect(value(await deleteDraftPath(db, { projectId, path: "a.ts" }))).toEqual({ deleted: 1 });
    expect(await draft(projectId)).toEqual({ "b.ts": { content: "b", revision: revisionIn(before, "b.ts") } });
  });

  it("deletes a folder with everything in it and nothing else", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, {
      "src/a.ts": "a",
      "src/sub/b.ts": "b",
      "src2/c.ts": "c",
      "srcx.ts": "x",
    });
    expect(value(await deleteDraftPath(db, { projectId, path: "src" }))).toEqual({ deleted: 2 });
    expect(await paths(projectId)).toEqual(["src2/c.ts", "srcx.ts"]);
  });

  it("treats _ and % in a folder name as plain characters", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a_b/x.ts": "x", "axb/y.ts": "y", "nested/z.ts": "z" });
    expect(value(await deleteDraftPath(db, { projectId, path: "a_b" }))).toEqual({ deleted: 1 });
    expect(failure(await deleteDraftPath(db, { projectId, path: "%" })).code).toBe("not_found");
    expect(await paths(projectId)).toEqual(["axb/y.ts", "nested/z.ts"]);
  });

  it("refuses a missing path and changes nothing", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "dir/x.ts": "x" });
    const before = await everything(projectId);
    for (const path of ["missing.ts", "di", "dir/x", ""]) {
      expect(failure(await deleteDraftPath(db, { projectId, path })).code).toBe("not_found");
    }
    expect(await everything(projectId)).toEqual(before);
  });

  it("leaves other projects alone", async () => {
    const { db } = testDb;
    const other = await newProject(db, { "a.ts": "theirs" });
    const projectId = await newProject(db, { "a.ts": "mine" });
    const before = await draft(other);
    value(await deleteDraftPath(db, { projectId, path: "a.ts" }));
    expect(await draft(other)).toEqual(before);
    expect(await draft(projectId)).toEqual({});
  });
});
