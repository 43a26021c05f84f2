import type { Db } from "@/lib/db/client";
import { encodeTree, foldersDeepestFirst, hashTree, type TreeFile } from "./trees";

/**
 * Stores the trees of a file set and returns the id of its top tree. Only trees not stored
 * before are written: a version changing one file adds the trees on that file's path. Runs
 * in the caller's transaction; one round trip pair per folder depth.
 */
export async function storeTree(tx: Db, files: TreeFile[]): Promise<string> {
  const treeIds = new Map<string, string>();
  for (const level of foldersDeepestFirst(files)) {
    const texts = level.map((listing) =>
      encodeTree([
        ...listing.files,
        ...listing.subfolders.map((name) => ({ name, ref: treeIds.get(listing.folder + name)! })),
      ]),
    );
    const hashes = texts.map(hashTree);
    const ids = await insertTrees(tx, hashes, texts);
    level.forEach((listing, index) => treeIds.set(listing.folder, ids.get(hashes[index]!)!));
  }
  return treeIds.get("")!;
}

/** Inserts the trees not stored yet; returns the id of every given hash. */
export async function insertTrees(tx: Db, hashes: string[], texts: string[]): Promise<Map<string, string>> {
  await tx.$executeRaw`
    INSERT INTO trees (hash, entries)
    SELECT decode(hash, 'hex'), entries FROM unnest(${hashes}::text[], ${texts}::text[]) AS given (hash, entries)
    ON CONFLICT (hash) DO NOTHING`;
  // A separate statement: it also sees a tree that a concurrent transaction committed while
  // the insert above waited for it.
  const rows = await tx.$queryRaw<Array<{ hash: string; id: string }>>`
    SELECT encode(hash, 'hex') AS hash, id::text AS id FROM trees
    WHERE hash IN (SELECT decode(hash, 'hex') FROM unnest(${hashes}::text[]) AS given (hash))`;
  const ids = new Map(rows.map((row) => [row.hash, row.id]));
  const missing = hashes.find((hash) => !ids.has(hash));
  if (missing) throw new Error(`Tree ${missing} was not stored.`);
  return ids;
}
