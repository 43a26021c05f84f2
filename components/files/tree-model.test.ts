import { describe, expect, it } from "vitest";
import { buildTree, firstFilePath, FOLD_ABOVE_FILES, initiallyFolded, visibleRows } from "./tree-model";

describe("initiallyFolded", () => {
  it("unfolds every folder of a small project", () => {
    const paths = ["README.md", "src/a.ts", "src/lib/b.ts", "docs/c.md"];
    const tree = buildTree(paths);
    expect([...initiallyFolded(tree, paths.length, null)]).toEqual([]);
    expect(visibleRows(tree, initiallyFolded(tree, paths.length, null))).toHaveLength(7);
  });

  it("folds a large project's folders but those around the open file", () => {
    const paths = Array.from({ length: FOLD_ABOVE_FILES + 1 }, (_, index) => `folder-${index % 10}/sub/file-${index}.ts`);
    const tree = buildTree(paths);
    const folded = initiallyFolded(tree, paths.length, "folder-3/sub/file-3.ts");
    expect(folded.has("folder-0")).toBe(true);
    expect(folded.has("folder-0/sub")).toBe(true);
    expect(folded.has("folder-3")).toBe(false);
    expect(folded.has("folder-3/sub")).toBe(false);
    // Ten top folders, the open one unfolded with its subfolder and that subfolder's files.
    expect(visibleRows(tree, folded).length).toBe(10 + 1 + paths.filter((path) => path.startsWith("folder-3/")).length);
  });
});

describe("firstFilePath", () => {
  it("joins the folder, normalised as validatePath does, and the file name", () => {
    expect(firstFilePath(" ./mappings/invoices/ ", " index.ts ")).toEqual({ ok: true, value: "mappings/invoices/index.ts" });
  });

  it("refuses a missing or invalid folder as a folder, not as a file path starting with /", () => {
    expect(firstFilePath("  ", "index.ts")).toMatchObject({ ok: false, error: { code: "invalid", message: "Enter a folder path." } });
    expect(firstFilePath("a/../b", "index.ts")).toMatchObject({ ok: false, error: { code: "invalid" } });
  });
});
