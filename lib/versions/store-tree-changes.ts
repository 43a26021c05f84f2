import type { Db } from "@/lib/db/client";
import { insertTrees } from "./store-tree";
import { encodeTree, hashTree, type TreeFile } from "./trees";

/**
 * Stores the trees of a file set given as changes to another one, and returns the id of its
 * top tree: `base` (the old top tree: its id, and its listings of at least the folders on the
 * changed paths, as storeDraftChanges reads them) with `written` files added or replaced and
 * `removed` paths left out (a path also in `written` stays). Only the folders on the changed
 * paths are written, so the work follows the size of the change, not of the file set; the trees are the same rows storeTree would give the whole new file set, since equal
 * listings are stored once. A folder left without files disappears, as it would from a
 * file set. Runs in the caller's transaction.
 */
export async function storeTreeChanges(
  tx: Db,
  base: { id: string; listings: Map<string, Map<string, string>> },
  written: TreeFile[],
  removed: string[],
): Promise<string> {
  const writtenPaths = new Set(written.map((file) => file.path));
  const dropped = removed.filter((path) => !writtenPaths.has(path));
  if (written.length === 0 && dropped.length === 0) return base.id;
  const touched = new Set<string>([""]);
  for (const path of [...writtenPaths, ...dropped]) {
    for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) touched.add(path.slice(0, slash + 1));
  }

  const listings = new Map([...touched].flatMap((folder) => {
    const listing = base.listings.get(folder);
    return listing ? [[folder, new Map(listing)] as const] : [];
  }));
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
