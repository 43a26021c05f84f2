/**
 * Paths already there, a new path, and why the new path cannot join them: the one rule of
 * lib/drafts/path-collision.ts, whether the paths are stored (createDraftFile) or arrive
 * together (createProject).
 */
export const PATH_CLASHES: Array<[label: string, existing: string[], path: string, message: string]> = [
  ["an existing file", ["a.ts"], "a.ts", "A file named a.ts already exists."],
  ["an existing file, written differently", ["a/b.ts"], "./a/b.ts", "A file named a/b.ts already exists."],
  ["a file inside a file", ["a"], "a/b.ts", "a is a file, so it cannot also be a folder."],
  ["a file deep inside a file", ["a"], "a/b/c.ts", "a is a file, so it cannot also be a folder."],
  ["a file named like a folder", ["a/b.ts"], "a", "A folder named a already exists."],
  ["a file named like a nested folder", ["a/b/c.ts"], "a/b", "A folder named a/b already exists."],
  ["a file differing only in case", ["README.md"], "readme.md", "A file named README.md already exists. Paths may not differ only in case."],
  ["a file in a folder differing only in case", ["src/a.ts"], "Src/b.ts", "A folder named src already exists. Paths may not differ only in case."],
  ["a file in a nested folder differing only in case", ["src/lib/a.ts"], "src/LIB/b.ts", "A folder named src/lib already exists. Paths may not differ only in case."],
  ["a file named like a folder but for case", ["src/a.ts"], "SRC", "A folder named src already exists. Paths may not differ only in case."],
  ["a file inside a file but for case", ["notes"], "NOTES/a.ts", "notes is a file, so it cannot also be a folder."],
];
