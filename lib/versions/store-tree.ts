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
  // One statement: the new trees' ids come back from the insert, the others' from the table.
  const rows = await tx.$queryRaw<Array<{ hash: string; id: string }>>`
    WITH given AS (
      SELECT decode(hash, 'hex') AS hash, entries FROM unnest(${hashes}::text[], ${texts}::text[]) AS given (hash, entries)
    ),
    inserted AS (
      INSERT INTO trees (hash, entries) SELECT hash, entries FROM given
      ON CONFLICT (hash) DO NOTHING
      RETURNING hash, id
    )
    SELECT encode(hash, 'hex') AS hash, id::text AS id FROM inserted
    UNION ALL
    SELECT encode(hash, 'hex'), id::text FROM trees WHERE hash IN (SELECT hash FROM given)`;
  const ids = new Map(rows.map((row) => [row.hash, row.id]));
  // A tree that a concurrent transaction committed while the insert waited for it is not in
  // that statement's snapshot; a second statement sees it.
  const unseen = hashes.filter((hash) => !ids.has(hash));
  if (unseen.length > 0) {
    const late = await tx.$queryRaw<Array<{ hash: string; id: string }>>`
      SELECT encode(hash, 'hex') AS hash, id::text AS id FROM trees
      WHERE hash IN (SELECT decode(hash, 'hex') FROM unnest(${unseen}::text[]) AS given (hash))`;
    for (const row of late) ids.set(row.hash, row.id);
  }
  const missing = hashes.find((hash) => !ids.has(hash));
  if (missing) throw new Error(`Tree ${missing} was not stored.`);
  return ids;
}
