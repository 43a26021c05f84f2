import { describe, expect, it } from "vitest";
import { TOO_MANY_FILES } from "@/lib/files/limits";
import { PATH_CLASHES } from "@/lib/testing/path-clashes";
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
    ["a zero-width space", "Orders\u200b"],
    ["a right-to-left override", "Orders \u202eynapmoc"],
    ["a word joiner", "Or\u2060ders"],
  ])("refuses a project name with %s and stores nothing", async (_label, name) => {
    const before = await testDb.db.project.count();
    const result = await createProject(testDb.db, { slug: `invisible-${++count}`, name, files: [], environments: [] });
    expect(failure(result)).toEqual({
      code: "invalid",
      message: "The project name contains an invisible or direction-changing character.",
    });
    expect(await testDb.db.project.count()).toBe(before);
  });

  it.each(PATH_CLASHES)("refuses %s as a conflict, as the draft does, and stores nothing", async (_label, existing, path, message) => {
    const before = await testDb.db.project.count();
    expect(failure(await create([...existing, path].map(file)))).toEqual({ code: "conflict", message });
    expect(await testDb.db.project.count()).toBe(before);
  });

  it("refuses two new folders differing only in case", async () => {
    expect(failure(await create(["Src/a.ts", "docs/x.md", "src/b.ts"].map(file)))).toEqual({
      code: "conflict",
      message: "A folder named Src already exists. Paths may not differ only in case.",
    });
  });

  it("refuses more files than a project holds", async () => {
    const files = Array.from({ length: 5_001 }, (_, index) => file(`f${index}.ts`));
    expect(failure(await create(files))).toEqual({ code: "too_large", message: TOO_MANY_FILES });
  });

  it.each([[""], ["   "], ["n".repeat(101)]])("refuses the project name %j and stores nothing", async (name) => {
    const before = await testDb.db.project.count();
    const created = await createProject(testDb.db, { slug: `named-${++count}`, name, files: [file("a.ts")], environments: ["development"] });
    expect(failure(created)).toEqual({ code: "invalid", message: "The project name must be 1 to 100 characters." });
    expect(await testDb.db.project.count()).toBe(before);
  });

  it("refuses an invalid path, a malformed slug and a taken slug", async () => {
    expect(failure(await create([file("../escape.ts")]))).toMatchObject({ code: "invalid" });
    expect(failure(await create([], "Not A Slug\u0000"))).toMatchObject({ code: "invalid" });
    value(await create([], "taken"));
    expect(failure(await create([], "taken"))).toEqual({ code: "conflict", message: 'A project "taken" already exists.' });
  });
});
