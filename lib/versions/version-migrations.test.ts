import { randomUUID } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { pgliteRunner } from "@/lib/db/sql-runner";
import { hashContent } from "@/lib/files/hash-content";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { value } from "@/lib/testing/harness";
import { getVersionFiles } from "./get-version-files";
import { storeTree } from "./store-tree";
import { treeHash } from "./tree-hash";
import { createPglite } from "@/lib/db/create-pglite";

/**
 * Versions made before trees existed (one version_files row per file) must come out of the
 * migrations with the same files, the tree hash lib/versions computes, and the very trees
 * storeTree writes for the same files.
 */
const FIRST = "20261125000000_init";

const OLD_VERSIONS: Record<string, Record<string, string>> = {
  v1: { "a.ts": "a", "a-b.ts": "x", "a/b.ts": "y", "日本/語.ts": "語", "Z.md": "", "deep/er/still/file.yaml": "k: v" },
  v2: { "a.ts": "a changed", "a-b.ts": "x", "a/b.ts": "y", "日本/語.ts": "語", "Z.md": "", "deep/er/still/file.yaml": "k: v" },
  v3: { "deep/er/still/file.yaml": "k: v", "deep/er/other.yaml": "other" },
  empty: {},
};

const versionIds = Object.fromEntries(Object.keys(OLD_VERSIONS).map((name) => [name, randomUUID()]));

let pglite: PGlite;
let prisma: PrismaClient;

beforeAll(async () => {
  pglite = await createPglite();
  await migrate(pgliteRunner(pglite), MIGRATIONS_DIR, { through: FIRST });
  await insertOldVersions();
  await migrate(pgliteRunner(pglite), MIGRATIONS_DIR);
  prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
});

afterAll(async () => {
  await prisma.$disconnect();
  await pglite.close();
});

async function insertOldVersions() {
  await pglite.exec(`INSERT INTO projects (id, slug, name) VALUES ('p', 'p', 'P')`);
  let number = 0;
  for (const [name, files] of Object.entries(OLD_VERSIONS)) {
    number += 1;
    const id = versionIds[name]!;
    await pglite.query(
      `INSERT INTO versions (id, project_id, number, name, name_key, origin, author, file_count, total_size)
       VALUES ($1, 'p', $2, $3, $3, 'manual', 'a', $4, 0)`,
      [id, number, name, Object.keys(files).length],
    );
    for (const [filePath, content] of Object.entries(files)) {
      await pglite.query(`INSERT INTO blobs (hash, content, size) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        hashContent(content),
        content,
        Buffer.byteLength(content),
      ]);
      await pglite.query(`INSERT INTO version_files (version_id, path, blob_hash) VALUES ($1, $2, $3)`, [id, filePath, hashContent(content)]);
    }
  }
}

describe("versions stored before trees", () => {
  it("keep every file and its content", async () => {
    for (const [name, files] of Object.entries(OLD_VERSIONS)) {
      const stored = value(await getVersionFiles(prisma, "p", versionIds[name]!));
      expect(Object.fromEntries(stored.map((file) => [file.path, file.content]))).toEqual(files);
    }
  });

  it("get the tree hash lib/versions computes", async () => {
    for (const [name, files] of Object.entries(OLD_VERSIONS)) {
      const { treeHash: stored } = await prisma.version.findUniqueOrThrow({ where: { id: versionIds[name] }, select: { treeHash: true } });
      expect(stored).toBe(treeHash(Object.entries(files).map(([filePath, content]) => ({ path: filePath, contentHash: hashContent(content) }))));
    }
  });

  it("point at the trees storeTree writes for the same files", async () => {
    const treesBefore = await prisma.tree.count();
    for (const [name, files] of Object.entries(OLD_VERSIONS)) {
      const blobs = await prisma.blob.findMany({ where: { hash: { in: Object.values(files).map(hashContent) } } });
      const blobIds = new Map(blobs.map((blob) => [blob.hash, blob.id.toString()]));
      const treeFiles = Object.entries(files).map(([filePath, content]) => ({ path: filePath, blobId: blobIds.get(hashContent(content))! }));
      const rootTreeId = await prisma.$transaction((tx) => storeTree(tx, treeFiles));
      const { rootTreeId: migrated } = await prisma.version.findUniqueOrThrow({ where: { id: versionIds[name] }, select: { rootTreeId: true } });
      expect(rootTreeId).toBe(migrated.toString());
    }
    expect(await prisma.tree.count()).toBe(treesBefore);
  });

  it("share the trees of folders they have in common", async () => {
    // v1 and v2 differ in a.ts only: they share every folder but the top one. v3 adds
    // deep/er (changed) and deep (changed) but shares deep/er/still.
    const topFolders = 4; // v1, v2, v3, empty
    const otherFolders = ["a/", "日本/", "deep/", "deep/er/", "deep/er/still/"].length + ["deep/ of v3", "deep/er/ of v3"].length;
    expect(await prisma.tree.count()).toBe(topFolders + otherFolders);
  });
});
