import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbedded } from "./connect";

/** Every path under `root` whose permission bits are not `0700` (folders) or `0600` (files). */
function looseModes(root: string): string[] {
  const loose: string[] = [];
  const visit = (entry: string) => {
    const stats = statSync(entry);
    const expected = stats.isDirectory() ? 0o700 : 0o600;
    if ((stats.mode & 0o777) !== expected) loose.push(`${path.relative(root, entry) || "."} ${(stats.mode & 0o777).toString(8)}`);
    if (stats.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(root);
  return loose;
}

// Opening a new PGlite folder takes seconds, more on a busy machine: one folder serves both cases.
describe("the embedded database's data folder", { timeout: 120_000 }, () => {
  let parent: string;
  let dataDir: string;
  let umask: number;

  beforeAll(() => {
    parent = mkdtempSync(path.join(os.tmpdir(), "draftline-modes-"));
    dataDir = path.join(parent, "new", "data");
    umask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(parent, { recursive: true, force: true });
  });

  it("is created 0700 with every file 0600, whatever the umask", async () => {
    const connection = await openEmbedded(path.join(dataDir, "pglite"));
    try {
      await connection.prisma.project.count();
      expect(looseModes(dataDir)).toEqual([]);
    } finally {
      await connection.close();
    }
  });

  it("has the modes of an existing, world-readable folder tightened on open", async () => {
    // As older versions left it: folders 0777, files 0666.
    const loosen = (entry: string) => {
      const isFolder = statSync(entry).isDirectory();
      chmodSync(entry, isFolder ? 0o777 : 0o666);
      if (isFolder) for (const name of readdirSync(entry)) loosen(path.join(entry, name));
    };
    mkdirSync(path.join(dataDir, "pglite", "extra"), { recursive: true });
    writeFileSync(path.join(dataDir, "pglite", "extra", "file"), "x");
    loosen(dataDir);
    expect(looseModes(dataDir).length).toBeGreaterThan(100);

    const reopened = await openEmbedded(path.join(dataDir, "pglite"));
    try {
      expect(looseModes(dataDir)).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
