import type { Db } from "@/lib/db/client";
import { insertTrees } from "./store-tree";
import { encodeTree, hashTree, type TreeFile } from "./trees";

/**
 * Stores the trees of a file set given as changes to another one, and returns the id of its
 * top tree: `base` (the id of the old top tree) with `written` files added or replaced and
 * `removed` paths left out (a path also in `written` stays). Only the folders on the changed
 * paths are read and written, so the work follows the size of the change, not of the file
 * set; the trees are the same rows storeTree would give the whole new file set, since equal
 * listings are stored once. A folder left without files disappears, as it would from a
 * file set. Runs in the caller's transaction.
 */
export async function storeTreeChanges(tx: Db, base: string, written: TreeFile[], removed: string[]): Promise<string> {
  const writtenPaths = new Set(written.map((file) => file.path));
  const dropped = removed.filter((path) => !writtenPaths.has(path));
  if (written.length === 0 && dropped.length === 0) return base;
  const touched = new Set<string>([""]);
  for (const path of [...writtenPaths, ...dropped]) {
    for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) touched.add(path.slice(0, slash + 1));
  }

  const listings = await readListings(tx, base, [...touched]);
  const listingOf = (folder: string) => {
    let listing = listings.get(folder);
    if (!listing) listings.set(folder, (listing = new Map()));
    return listing;
  };
  for (const path of dropped) {
    const slash = path.lastIndexOf("/");
    listings.get(path.slice(0, slash + 1))?.delete(path.slice(slash + 1));
  }
  for (const file of written) {
    const slash = file.path.lastIndexOf("/");
    listingOf(file.path.slice(0, slash + 1)).set(file.path.slice(slash + 1), file.blobId);
  }

  // Deepest folders first: a tree refers to its subfolders' trees by id.
  const byDepth: string[][] = [];
  for (const folder of touched) (byDepth[depthOf(folder)] ??= []).push(folder);
  for (const level of byDepth.reverse()) {
    const kept = level.filter((folder) => folder === "" || listingOf(folder).size > 0);
    for (const folder of level) {
      if (folder === "" || listingOf(folder).size > 0) continue;
      const { parent, name } = splitFolder(folder);
      listings.get(parent)?.delete(name);
    }
    const texts = kept.map((folder) => encodeTree([...listingOf(folder)].map(([name, ref]) => ({ name, ref }))));
    const hashes = texts.map(hashTree);
    const ids = await insertTrees(tx, hashes, texts);
    kept.forEach((folder, index) => {
      if (folder === "") return;
      const { parent, name } = splitFolder(folder);
      listingOf(parent).set(name, ids.get(hashes[index]!)!);
    });
    if (kept[0] === "") return ids.get(hashes[0]!)!;
  }
  throw new Error("The top folder was not stored.");
}

/**
 * The entries (name → ref) of the base's trees for those of `folders` it has, read in one
 * statement that opens only trees on the way to them.
 */
async function readListings(tx: Db, base: string, folders: string[]): Promise<Map<string, Map<string, string>>> {
  const rows = await tx.$queryRaw<Array<{ folder: string; entries: string }>>`
    WITH RECURSIVE folders (folder, tree_id) AS (
      SELECT ''::text, ${base}::bigint
      UNION ALL
      SELECT f.folder || split_part(line, E'\\t', 1), split_part(line, E'\\t', 2)::bigint
      FROM folders AS f
      JOIN trees AS t ON t.id = f.tree_id
      CROSS JOIN LATERAL unnest(string_to_array(t.entries, E'\\n')) AS line
      WHERE f.folder || split_part(line, E'\\t', 1) = ANY(${folders}::text[])
    )
    SELECT f.folder, t.entries FROM folders AS f JOIN trees AS t ON t.id = f.tree_id`;
  if (!rows.some((row) => row.folder === "")) throw new Error(`Tree ${base} does not exist.`);
  return new Map(
    rows.map((row) => [
      row.folder,
      new Map(
        row.entries === ""
          ? []
          : row.entries.split("\n").map((line) => {
              const tab = line.indexOf("\t");
              return [line.slice(0, tab), line.slice(tab + 1)] as const;
            }),
      ),
    ]),
  );
}

/** The number of slashes in a folder path: 0 for the top folder "", 1 for "a/". */
function depthOf(folder: string): number {
  let depth = 0;
  for (let index = folder.indexOf("/"); index !== -1; index = folder.indexOf("/", index + 1)) depth++;
  return depth;
}

/** "a/b/" → parent "a/", name "b/" (as its parent's tree lists it). */
function splitFolder(folder: string): { parent: string; name: string } {
  const slash = folder.lastIndexOf("/", folder.length - 2);
  return { parent: folder.slice(0, slash + 1), name: folder.slice(slash + 1) };
}
