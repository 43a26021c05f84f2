import { describe, expect, it } from "vitest";
import { bundleWorkflow } from "./bundle-workflow";
import { runInSandbox } from "./run-in-sandbox";

const entry = { path: "workflows/main.ts", exportName: "run" };

function bundle(files: Record<string, string>, exportName = "run") {
  return bundleWorkflow(new Map(Object.entries(files)), { ...entry, exportName });
}

describe("bundleWorkflow", () => {
  it("bundles relative imports of .ts, .json and index files from the version's files", async () => {
    const result = await bundle({
      "workflows/main.ts": `import { double } from "../lib/math";\nimport config from "../config/settings.json";\nimport { name } from "./named/";\nexport const run = () => ({ n: double(config.n), name });`,
      "lib/math.ts": `export const double = (n: number): number => n * 2;`,
      "config/settings.json": `{ "n": 21 }`,
      "workflows/named/index.ts": `export const name = "index";`,
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(await runInSandbox(result.value)).toMatchObject({ status: "succeeded", output: { n: 42, name: "index" } });
  });

  it.each([
    ["node:fs", `import { readFileSync } from "node:fs";\nexport const run = () => readFileSync("/etc/passwd");`, 1],
    ["an npm package", `export { run } from "./helper";`, 2],
  ])("refuses %s with the file and line of the import", async (_name, source, line) => {
    const result = await bundle({
      "workflows/main.ts": source,
      "workflows/helper.ts": `\nimport lodash from "lodash";\nexport const run = () => lodash;`,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const file = line === 1 ? "workflows/main.ts" : "workflows/helper.ts";
    expect(result.error.message).toMatch(new RegExp(`^workflows/main\\.ts#run could not be bundled: ${file.replace(".", "\\.")}:${line}:\\d+: "(node:fs|lodash)" cannot be imported: workflows run in a sandbox without Node\\.js modules or npm packages`));
  });

  it("reports a syntax error with its file, line and column", async () => {
    const result = await bundle({ "workflows/main.ts": `import { helper } from "./helper";\nexport const run = helper;`, "workflows/helper.ts": `export function helper() {\n  const a = ;\n}` });
    expect(result).toEqual({ ok: false, error: { code: "invalid", message: 'workflows/main.ts#run could not be bundled: workflows/helper.ts:2:13: Unexpected ";"' } });
  });

  it("names an import that matches no file and an export that does not exist", async () => {
    const missingFile = await bundle({ "workflows/main.ts": `export { run } from "./nowhere";` });
    expect(missingFile.ok || missingFile.error.message).toBe(
      'workflows/main.ts#run could not be bundled: workflows/main.ts:1:21: "./nowhere" does not match any file of this version (imported from workflows/main.ts)',
    );
    const missingExport = await bundle({ "workflows/main.ts": `export const start = 1;` });
    expect(missingExport.ok || missingExport.error.message).toBe('workflows/main.ts#run could not be bundled: No matching export in "workflows/main.ts" for import "run"');
  });

  it("refuses imports outside the version and of files that are not code", async () => {
    const outside = await bundle({ "workflows/main.ts": `export { run } from "../../etc/passwd";` });
    expect(outside.ok || outside.error.message).toMatch(/"\.\.\/\.\.\/etc\/passwd" does not match any file of this version/);
    const readme = await bundle({ "workflows/main.ts": `import text from "../README.md";\nexport const run = () => text;`, "README.md": "# hi" });
    expect(readme.ok || readme.error.message).toMatch(/README\.md cannot be imported: only \.ts, \.mts, \.js, \.mjs, \.json files can be part of a workflow/);
  });

  it("bundles the same files and entry once", async () => {
    const files = { "workflows/main.ts": `export const run = () => 1;` };
    const first = await bundle(files);
    const second = await bundle({ ...files });
    const changed = await bundle({ "workflows/main.ts": `export const run = () => 2;` });
    if (!first.ok || !second.ok || !changed.ok) throw new Error("did not bundle");
    expect(second.value).toBe(first.value);
    expect(changed.value).not.toBe(first.value);
  });

  it("keys the cache by the version's tree hash when given", async () => {
    const files = new Map([["workflows/main.ts", `export const run = () => 1;`]]);
    const first = await bundleWorkflow(files, entry, { treeHash: "tree-a" });
    const sameTree = await bundleWorkflow(new Map(files), entry, { treeHash: "tree-a" });
    const otherTree = await bundleWorkflow(files, entry, { treeHash: "tree-b" });
    if (!first.ok || !sameTree.ok || !otherTree.ok) throw new Error("did not bundle");
    expect(sameTree.value).toBe(first.value);
    expect(otherTree.value).not.toBe(first.value);
  });
});
