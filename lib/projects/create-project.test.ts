import { describe, expect, it } from "vitest";
import { TOO_MANY_FILES } from "@/lib/files/limits";
import { failure, setupTestDb, value } from "@/lib/testing/harness";
import { createProject } from "./create-project";

const testDb = setupTestDb();
let count = 0;

function create(files: Array<{ path: string; content: string }>, slug = `created-${++count}`) {
  return createProject(testDb.db, { slug, name: "Created", files, environments: ["development", "production"] });
}

const file = (path: string) => ({ path, content: `// ${path}\n` });

describe("createProject", () => {
  it("creates the project with its files and environments", async () => {
    const project = value(await create([file("README.md"), file("src/a.ts")], "created-ok"));
    expect(project).toMatchObject({ slug: "created-ok", name: "Created" });
    const files = await testDb.db.draftFile.findMany({ where: { projectId: project.id }, select: { path: true }, orderBy: { path: "asc" } });
    expect(files.map((row) => row.path)).toEqual(["README.md", "src/a.ts"]);
    const environments = await testDb.db.environment.findMany({ where: { projectId: project.id }, orderBy: { position: "asc" } });
    expect(environments.map((environment) => environment.name)).toEqual(["development", "production"]);
  });

  it.each([
    ["the same path twice", ["a.ts", "./a.ts"], "Two files have the same path."],
    ["a file inside a file", ["a", "a/b.ts"], "a/b.ts sits inside a path that is also a file."],
    ["files differing only in case", ["README.md", "readme.md"], "README.md and readme.md differ only in case."],
    ["folders differing only in case", ["src/a.ts", "Src/b.ts"], "src and Src differ only in case."],
    ["a file and a folder differing only in case", ["notes", "NOTES/a.ts"], "notes and NOTES differ only in case."],
  ])("refuses %s as a conflict and stores nothing", async (_label, paths, message) => {
    const before = await testDb.db.project.count();
    expect(failure(await create(paths.map(file)))).toEqual({ code: "conflict", message });
    expect(await testDb.db.project.count()).toBe(before);
  });

  it("refuses more files than a project holds", async () => {
    const files = Array.from({ length: 5_001 }, (_, index) => file(`f${index}.ts`));
    expect(failure(await create(files))).toEqual({ code: "too_large", message: TOO_MANY_FILES });
  });

  it("refuses an invalid path, a malformed slug and a taken slug", async () => {
    expect(failure(await create([file("../escape.ts")]))).toMatchObject({ code: "invalid" });
    expect(failure(await create([], "Not A Slug\u0000"))).toMatchObject({ code: "invalid" });
    value(await create([], "taken"));
    expect(failure(await create([], "taken"))).toEqual({ code: "conflict", message: 'A project "taken" already exists.' });
  });
});
