import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeTree, foldersDeepestFirst, hashTree } from "./trees";

describe("encodeTree", () => {
  it("sorts entries by name in UTF-8 byte order, one 'name<TAB>ref' line each", () => {
    const text = encodeTree([
      { name: "b.ts", ref: "2" },
      { name: "ä.ts", ref: "4" },
      { name: "B/", ref: "9" },
      { name: "a.ts", ref: "1" },
      { name: "a/", ref: "7" },
    ]);
    expect(text).toBe("B/\t9\na.ts\t1\na/\t7\nb.ts\t2\nä.ts\t4");
  });

  it("gives the same text, and so the same hash, whatever the order given", () => {
    const entries = [
      { name: "x.ts", ref: "1" },
      { name: "y/", ref: "2" },
    ];
    expect(encodeTree(entries)).toBe(encodeTree([...entries].reverse()));
    expect(hashTree(encodeTree(entries))).toBe(createHash("sha256").update("x.ts\t1\ny/\t2").digest("hex"));
  });

  it("is empty text for an empty folder", () => {
    expect(encodeTree([])).toBe("");
  });
});

describe("foldersDeepestFirst", () => {
  it("groups every folder by depth, deepest first, with its files and subfolders", () => {
    const levels = foldersDeepestFirst([
      { path: "README.md", blobId: "1" },
      { path: "src/a.ts", blobId: "2" },
      { path: "src/lib/b.ts", blobId: "3" },
      { path: "docs/deep/er/c.md", blobId: "4" },
    ]);
    expect(levels.map((level) => level.map((listing) => listing.folder))).toEqual([
      ["docs/deep/er/"],
      ["src/lib/", "docs/deep/"],
      ["src/", "docs/"],
      [""],
    ]);
    const top = levels.at(-1)![0]!;
    expect(top.files).toEqual([{ name: "README.md", ref: "1" }]);
    expect(top.subfolders).toEqual(["src/", "docs/"]);
    expect(levels[2]![0]).toEqual({ folder: "src/", files: [{ name: "a.ts", ref: "2" }], subfolders: ["lib/"] });
  });

  it("has the top folder alone for an empty file set", () => {
    expect(foldersDeepestFirst([])).toEqual([[{ folder: "", files: [], subfolders: [] }]]);
  });
});
