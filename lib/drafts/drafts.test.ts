import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDb } from "@/lib/db/test-db";
import { hashContent } from "@/lib/files/hash-content";
import { createProject } from "@/lib/projects/create-project";
import type { Result } from "@/lib/result";
import { createDraftFile } from "./create-draft-file";
import { deleteDraftPath } from "./delete-draft-path";
import { getDraftFile } from "./get-draft-file";
import { listDraftFiles } from "./list-draft-files";
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
  const slug = `drafts-${++projectCount}`;
  const created = await createProject(db, {
    slug,
    name: slug,
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    environments: [],
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

/** path → content, revision for one project's draft. */
async function draft(projectId: string) {
  const rows = await db.draftFile.findMany({
    where: { projectId },
    select: { path: true, content: true, revision: true },
    orderBy: { path: "asc" },
  });
  return Object.fromEntries(rows.map((row) => [row.path, { content: row.content, revision: row.revision }]));
}

/** Sorted here rather than by the database, whose collation may order punctuation differently. */
async function paths(projectId: string) {
  return (await listDraftFiles(db, projectId)).map((file) => file.path).sort();
}

/** Everything a refused call must leave alone. */
async function everything(projectId: string) {
  return { draft: await draft(projectId), totalFiles: await db.draftFile.count() };
}

function failure<T>(result: Result<T>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe("saveDraftFile", () => {
  it("saves on the current revision and bumps it", async () => {
    const projectId = await newProject({ "a.ts": "one" });
    expect(await saveDraftFile(db, { projectId, path: "a.ts", content: "two", baseRevision: 1 })).toEqual({
      ok: true,
      value: { revision: 2 },
    });
    expect(await saveDraftFile(db, { projectId, path: "a.ts", content: "three ✓", baseRevision: 2 })).toEqual({
      ok: true,
      value: { revision: 3 },
    });

    expect(value(await getDraftFile(db, projectId, "a.ts"))).toEqual({ path: "a.ts", content: "three ✓", revision: 3 });
    const [entry] = await listDraftFiles(db, projectId);
    expect(entry).toEqual({ path: "a.ts", revision: 3, size: 9, contentHash: hashContent("three ✓") });
  });

  it("refuses a stale revision with the current text and changes nothing", async () => {
    const projectId = await newProject({ "a.ts": "one" });
    value(await saveDraftFile(db, { projectId, path: "a.ts", content: "theirs", baseRevision: 1 }));
    const before = await everything(projectId);

    const result = await saveDraftFile(db, { projectId, path: "a.ts", content: "mine", baseRevision: 1 });

    expect(result).toEqual({
      ok: false,
      error: {
        code: "conflict",
        message: "a.ts was changed elsewhere (revision 2) since this editor loaded revision 1.",
        current: { content: "theirs", revision: 2 },
      },
    });
    expect(await everything(projectId)).toEqual(before);
  });

  it("refuses a revision from the future", async () => {
    const projectId = await newProject({ "a.ts": "one" });
    const result = await saveDraftFile(db, { projectId, path: "a.ts", content: "mine", baseRevision: 5 });
    expect(failure(result)).toMatchObject({ code: "conflict", current: { content: "one", revision: 1 } });
    expect(await draft(projectId)).toEqual({ "a.ts": { content: "one", revision: 1 } });
  });

  it("of 20 concurrent saves on one revision acknowledges exactly one and keeps its text", async () => {
    const projectId = await newProject({ "a.ts": "base" });

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        saveDraftFile(db, { projectId, path: "a.ts", content: `edit ${index}`, baseRevision: 1 }),
      ),
    );

    const acknowledged = results.flatMap((result, index) => (result.ok ? [index] : []));
    expect(acknowledged).toHaveLength(1);
    const winner = `edit ${acknowledged[0]}`;
    expect(results[acknowledged[0] ?? -1]).toEqual({ ok: true, value: { revision: 2 } });
    for (const result of results.filter((result) => !result.ok)) {
      expect(failure(result)).toMatchObject({ code: "conflict", current: { content: winner, revision: 2 } });
    }
    expect(await draft(projectId)).toEqual({ "a.ts": { content: winner, revision: 2 } });
  });

  it("chained saves from one editor never lose a write", async () => {
    const projectId = await newProject({ "a.ts": "" });
    let revision = 1;
    for (let index = 1; index <= 10; index++) {
      revision = value(await saveDraftFile(db, { projectId, path: "a.ts", content: `v${index}`, baseRevision: revision })).revision;
    }
    expect(await draft(projectId)).toEqual({ "a.ts": { content: "v10", revision: 11 } });
  });

  it("refuses a save to a path that does not exist, creating nothing", async () => {
    const projectId = await newProject({ "a.ts": "one" });
    const before = await everything(projectId);
    expect(failure(await saveDraftFile(db, { projectId, path: "b.ts", content: "x", baseRevision: 1 }))).toEqual({
      code: "not_found",
      message: "b.ts no longer exists in the draft: it was renamed or deleted.",
    });
    expect(await everything(projectId)).toEqual(before);
  });

  it("only touches the file of the project it names", async () => {
    const mine = await newProject({ "a.ts": "mine" });
    const theirs = await newProject({ "a.ts": "theirs" });
    value(await saveDraftFile(db, { projectId: mine, path: "a.ts", content: "changed", baseRevision: 1 }));
    expect(await draft(theirs)).toEqual({ "a.ts": { content: "theirs", revision: 1 } });
  });

  it.each([
    ["oversized", "x".repeat(1_048_577), "too_large"],
    ["NUL", "a\u0000b", "invalid"],
    ["lone surrogate", "a\ud800", "invalid"],
  ])("refuses %s content and changes nothing", async (_label, content, code) => {
    const projectId = await newProject({ "a.ts": "one" });
    const before = await everything(projectId);
    expect(failure(await saveDraftFile(db, { projectId, path: "a.ts", content, baseRevision: 1 })).code).toBe(code);
    expect(await everything(projectId)).toEqual(before);
  });

  it("accepts content of exactly 1 MB", async () => {
    const projectId = await newProject({ "a.ts": "one" });
    const content = "é".repeat(524_288);
    value(await saveDraftFile(db, { projectId, path: "a.ts", content, baseRevision: 1 }));
    expect(value(await getDraftFile(db, projectId, "a.ts")).content).toBe(content);
    expect((await listDraftFiles(db, projectId))[0]?.size).toBe(1_048_576);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses base revision %s", async (baseRevision) => {
    const projectId = await newProject({ "a.ts": "one" });
    const before = await everything(projectId);
    expect(failure(await saveDraftFile(db, { projectId, path: "a.ts", content: "x", baseRevision }))).toEqual({
      code: "invalid",
      message: "The save names no valid revision to build on.",
    });
    expect(await everything(projectId)).toEqual(before);
  });
});

describe("createDraftFile", () => {
  it("creates a file at revision 1 under its normalised path", async () => {
    const projectId = await newProject({ "a.ts": "one" });
    expect(value(await createDraftFile(db, { projectId, path: " ./workflows/new.ts ", content: "const ü = 1;" }))).toEqual({
      path: "workflows/new.ts",
      revision: 1,
      size: 13,
      contentHash: hashContent("const ü = 1;"),
    });
    expect(await draft(projectId)).toEqual({
      "a.ts": { content: "one", revision: 1 },
      "workflows/new.ts": { content: "const ü = 1;", revision: 1 },
    });
  });

  it("creates an empty file when no content is given", async () => {
    const projectId = await newProject();
    value(await createDraftFile(db, { projectId, path: "empty.json" }));
    expect(value(await getDraftFile(db, projectId, "empty.json"))).toEqual({ path: "empty.json", content: "", revision: 1 });
  });

  it.each([
    ["an existing file", ["a.ts"], "a.ts", "A file named a.ts already exists."],
    ["an existing file, written differently", ["a/b.ts"], "./a/b.ts", "A file named a/b.ts already exists."],
    ["a file inside a file", ["a"], "a/b.ts", "a is a file, so it cannot also be a folder."],
    ["a file deep inside a file", ["a"], "a/b/c.ts", "a is a file, so it cannot also be a folder."],
    ["a file named like a folder", ["a/b.ts"], "a", "A folder named a already exists."],
    ["a file named like a nested folder", ["a/b/c.ts"], "a/b", "A folder named a/b already exists."],
  ])("refuses %s as a conflict", async (_label, existing, path, message) => {
    const projectId = await newProject(Object.fromEntries(existing.map((name) => [name, "kept"])));
    const before = await everything(projectId);
    expect(failure(await createDraftFile(db, { projectId, path, content: "new" }))).toEqual({ code: "conflict", message });
    expect(await everything(projectId)).toEqual(before);
  });

  it("tells apart names that only share a prefix", async () => {
    const projectId = await newProject({ "a/x.ts": "", "ab.ts": "" });
    value(await createDraftFile(db, { projectId, path: "ab" }));
    value(await createDraftFile(db, { projectId, path: "a.ts" }));
    value(await createDraftFile(db, { projectId, path: "ab.ts.bak/x" }));
    expect(await paths(projectId)).toEqual(["a.ts", "a/x.ts", "ab", "ab.ts", "ab.ts.bak/x"]);
  });

  it("treats _ and % in paths as plain characters", async () => {
    const projectId = await newProject({ "axb/y.ts": "", "100%/z.ts": "" });
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
    const projectId = await newProject({ "a.ts": "one" });
    const before = await everything(projectId);
    expect(failure(await createDraftFile(db, { projectId, path }))).toEqual({ code: "invalid", message });
    expect(await everything(projectId)).toEqual(before);
  });

  it.each([
    ["oversized", "x".repeat(1_048_577), "too_large"],
    ["NUL", "\u0000", "invalid"],
  ])("refuses %s content", async (_label, content, code) => {
    const projectId = await newProject();
    expect(failure(await createDraftFile(db, { projectId, path: "big.txt", content })).code).toBe(code);
    expect(await everything(projectId)).toEqual({ draft: {}, totalFiles: await db.draftFile.count() });
  });

  it("refuses an unknown project", async () => {
    const before = await db.draftFile.count();
    expect(failure(await createDraftFile(db, { projectId: "no-such-project", path: "a.ts" })).code).toBe("not_found");
    expect(await db.draftFile.count()).toBe(before);
  });

  it("allows the 2,000th file and refuses the 2,001st", async () => {
    const files = Object.fromEntries(Array.from({ length: 1999 }, (_, index) => [`files/f${index}.ts`, `// ${index}`]));
    const projectId = await newProject(files);
    value(await createDraftFile(db, { projectId, path: "files/last.ts" }));
    expect(await db.draftFile.count({ where: { projectId } })).toBe(2000);

    const totalBefore = await db.draftFile.count();
    expect(failure(await createDraftFile(db, { projectId, path: "one-more.ts" }))).toEqual({
      code: "too_large",
      message: "A project holds at most 2,000 files.",
    });
    expect(await db.draftFile.count({ where: { projectId } })).toBe(2000);
    expect(await db.draftFile.count()).toBe(totalBefore);
  });
});

describe("renameDraftPath", () => {
  it("renames a file, keeps its text and bumps its revision", async () => {
    const projectId = await newProject({ "a.ts": "text", "other.ts": "o" });
    value(await saveDraftFile(db, { projectId, path: "a.ts", content: "edited", baseRevision: 1 }));

    expect(value(await renameDraftPath(db, { projectId, from: "a.ts", to: "./lib/b.ts" }))).toEqual({
      renamed: [{ from: "a.ts", to: "lib/b.ts" }],
    });
    expect(await draft(projectId)).toEqual({
      "lib/b.ts": { content: "edited", revision: 3 },
      "other.ts": { content: "o", revision: 1 },
    });
  });

  it("makes an editor still holding the old revision conflict instead of writing", async () => {
    const projectId = await newProject({ "a.ts": "text" });
    value(await renameDraftPath(db, { projectId, from: "a.ts", to: "b.ts" }));
    expect(failure(await saveDraftFile(db, { projectId, path: "a.ts", content: "lost?", baseRevision: 1 })).code).toBe(
      "not_found",
    );
    expect(failure(await saveDraftFile(db, { projectId, path: "b.ts", content: "lost?", baseRevision: 1 })).code).toBe(
      "conflict",
    );
    expect(await draft(projectId)).toEqual({ "b.ts": { content: "text", revision: 2 } });
  });

  it("moves a folder with everything in it and nothing else", async () => {
    const projectId = await newProject({
      "src/a.ts": "a",
      "src/sub/b.ts": "b",
      "src2/c.ts": "c",
      "srcx.ts": "x",
    });
    const result = value(await renameDraftPath(db, { projectId, from: "src", to: "lib/" }));
    expect(result.renamed.sort((left, right) => left.from.localeCompare(right.from))).toEqual([
      { from: "src/a.ts", to: "lib/a.ts" },
      { from: "src/sub/b.ts", to: "lib/sub/b.ts" },
    ]);
    expect(await draft(projectId)).toEqual({
      "lib/a.ts": { content: "a", revision: 2 },
      "lib/sub/b.ts": { content: "b", revision: 2 },
      "src2/c.ts": { content: "c", revision: 1 },
      "srcx.ts": { content: "x", revision: 1 },
    });
  });

  it("moves a folder up into its parent", async () => {
    // Inserted deepest first so that a naive row-by-row move would hit a/a/x.ts while it is still there.
    const projectId = await newProject({ "a/a/a/x.ts": "deep", "a/a/x.ts": "shallow" });
    value(await renameDraftPath(db, { projectId, from: "a/a", to: "a" }));
    expect(await draft(projectId)).toEqual({
      "a/a/x.ts": { content: "deep", revision: 2 },
      "a/x.ts": { content: "shallow", revision: 2 },
    });
  });

  it("renames a file to the name of the folder it leaves once that folder would be empty", async () => {
    const projectId = await newProject({ "a/only.ts": "only" });
    value(await renameDraftPath(db, { projectId, from: "a/only.ts", to: "a" }));
    expect(await draft(projectId)).toEqual({ a: { content: "only", revision: 2 } });
  });

  it("does nothing when the name stays the same", async () => {
    const projectId = await newProject({ "a.ts": "text" });
    expect(value(await renameDraftPath(db, { projectId, from: "a.ts", to: "./a.ts" }))).toEqual({ renamed: [] });
    expect(await draft(projectId)).toEqual({ "a.ts": { content: "text", revision: 1 } });
  });

  it.each([
    ["a file onto a file", "a.ts", "b.ts", "A file named b.ts already exists."],
    ["a file onto a folder", "a.ts", "dir", "A folder named dir already exists."],
    ["a file into a file", "a.ts", "b.ts/a.ts", "b.ts is a file, so it cannot also be a folder."],
    ["a folder onto a folder", "dir", "other", "A folder named other already exists."],
    ["a folder onto a file", "dir", "b.ts", "A file named b.ts already exists."],
    ["a folder into a file", "dir", "b.ts/dir", "b.ts is a file, so it cannot also be a folder."],
    ["a file onto a folder it is in with others", "dir/x.ts", "dir", "A folder named dir already exists."],
  ])("refuses to move %s", async (_label, from, to, message) => {
    const projectId = await newProject({ "a.ts": "a", "b.ts": "b", "dir/x.ts": "x", "dir/y.ts": "y", "other/z.ts": "z" });
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
    const projectId = await newProject({ "dir/x.ts": "x", "dir/sub/y.ts": "y" });
    const before = await everything(projectId);
    expect(failure(await renameDraftPath(db, { projectId, from, to }))).toEqual({ code: "invalid", message });
    expect(await everything(projectId)).toEqual(before);
  });

  it("refuses a folder move that would make a path longer than 255 characters", async () => {
    const projectId = await newProject({ [`d/${"f".repeat(250)}`]: "long", "d/short.ts": "short" });
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
    const projectId = await newProject({ "dir/x.ts": "x" });
    const before = await everything(projectId);
    expect(failure(await renameDraftPath(db, { projectId, from, to: "elsewhere" })).code).toBe("not_found");
    expect(await everything(projectId)).toEqual(before);
  });

  it("treats _ and % in a folder name as plain characters", async () => {
    const projectId = await newProject({ "a_b/x.ts": "x", "axb/y.ts": "y", "100%/z.ts": "z" });
    value(await renameDraftPath(db, { projectId, from: "a_b", to: "c" }));
    expect(failure(await renameDraftPath(db, { projectId, from: "1%", to: "d" })).code).toBe("not_found");
    expect(await draft(projectId)).toEqual({
      "100%/z.ts": { content: "z", revision: 1 },
      "axb/y.ts": { content: "y", revision: 1 },
      "c/x.ts": { content: "x", revision: 2 },
    });
  });

  it("does not find files of another project", async () => {
    await newProject({ "shared.ts": "x" });
    const projectId = await newProject();
    expect(failure(await renameDraftPath(db, { projectId, from: "shared.ts", to: "b.ts" })).code).toBe("not_found");
  });
});

describe("deleteDraftPath", () => {
  it("deletes a file", async () => {
    const projectId = await newProject({ "a.ts": "a", "b.ts": "b" });
    expect(value(await deleteDraftPath(db, { projectId, path: "a.ts" }))).toEqual({ deleted: 1 });
    expect(await draft(projectId)).toEqual({ "b.ts": { content: "b", revision: 1 } });
  });

  it("deletes a folder with everything in it and nothing else", async () => {
    const projectId = await newProject({
      "src/a.ts": "a",
      "src/sub/b.ts": "b",
      "src2/c.ts": "c",
      "srcx.ts": "x",
    });
    expect(value(await deleteDraftPath(db, { projectId, path: "src" }))).toEqual({ deleted: 2 });
    expect(await paths(projectId)).toEqual(["src2/c.ts", "srcx.ts"]);
  });

  it("treats _ and % in a folder name as plain characters", async () => {
    const projectId = await newProject({ "a_b/x.ts": "x", "axb/y.ts": "y", "nested/z.ts": "z" });
    expect(value(await deleteDraftPath(db, { projectId, path: "a_b" }))).toEqual({ deleted: 1 });
    expect(failure(await deleteDraftPath(db, { projectId, path: "%" })).code).toBe("not_found");
    expect(await paths(projectId)).toEqual(["axb/y.ts", "nested/z.ts"]);
  });

  it("refuses a missing path and changes nothing", async () => {
    const projectId = await newProject({ "dir/x.ts": "x" });
    const before = await everything(projectId);
    for (const path of ["missing.ts", "di", "dir/x", ""]) {
      expect(failure(await deleteDraftPath(db, { projectId, path })).code).toBe("not_found");
    }
    expect(await everything(projectId)).toEqual(before);
  });

  it("leaves other projects alone", async () => {
    const other = await newProject({ "a.ts": "theirs" });
    const projectId = await newProject({ "a.ts": "mine" });
    value(await deleteDraftPath(db, { projectId, path: "a.ts" }));
    expect(await draft(other)).toEqual({ "a.ts": { content: "theirs", revision: 1 } });
  });
});
