import type { Db } from "@/lib/db/client";
import { insertTrees } from "./store-tree";
import type { WrittenFile } from "./store-draft-changes";
import { encodeTree, hashTree } from "./trees";

/** A tree to insert with the version, under an id reserved for it. */
export interface NewTree {
  id: string;
  hash: string;
  entries: string;
}

export interface TreeChanges {
  rootTreeId: string;
  /** Trees sure to be new, given reserved ids, for the caller to insert (see storeTreeChanges). */
  unstored: NewTree[];
}

/**
 * Stores the trees of a file set given as changes to another one, and returns the id of its
 * top tree: `base` (the old top tree: its id, and its listings of at least the folders on the
 * changed paths, as storeDraftChanges reads them) with `written` files added or replaced and
 * `removed` paths left out (a path also in `written` stays). Only the folders on the changed
 * paths are written, so the work follows the size of the change, not of the file set; the
 * trees are the same rows storeTree would give the whole new file set, since equal listings
 * are stored once. A folder left without files disappears, as it would from a file set.
 *
 * A folder holding, at any depth, a file whose blob this transaction stored has a tree no
 * one stored before (no other transaction sees that blob yet): such a tree takes one of the
 * `reservedIds` and is returned in `unstored`, for the caller to insert with the version in
 * the same statement. The others (a folder changed only by removals, or by contents stored
 * before) are looked up or inserted here, a statement per folder depth that has any. Runs in
 * the caller's transaction.
 */
export async function storeTreeChanges(
  tx: Db,
  base: { id: string; listings: Map<string, Map<string, string>> },
  written: WrittenFile[],
  removed: string[],
  reservedIds: string[],
): Promise<TreeChanges> {
  const writtenPaths = new Set(written.map((file) => file.path));
  const dropped = removed.filter((path) => !writtenPaths.has(path));
  if (written.length === 0 && dropped.length === 0) return { rootTreeId: base.id, unstored: [] };
  const touched = new Set([""]);
  for (const path of [...writtenPaths, ...dropped]) for (const folder of foldersOf(path)) touched.add(folder);
  const surelyNew = new Set<string>();
  for (const file of written) if (file.newBlob) for (const folder of ["", ...foldersOf(file.path)]) surelyNew.add(folder);

  const listings = new Map(
    [...touched].flatMap((folder) => {
      const listing = base.listings.get(folder);
      return listing ? [[folder, new Map(listing)] as const] : [];
    }),
  );
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

  const unstored = new Map<string, NewTree>();
  const reserve = (hash: string, entries: string): string => {
    // Two new folders may list the same entries: one tree, one id.
    let tree = unstored.get(hash);
    if (!tree) {
      const id = reservedIds[unstored.size];
      if (id === undefined) throw new Error("No tree id was reserved for a new folder.");
      unstored.set(hash, (tree = { id, hash, entries }));
    }
    return tree.id;
  };

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
    const trees = kept.map((folder) => {
      const entries = encodeTree([...listingOf(folder)].map(([name, ref]) => ({ name, ref })));
      return { folder, entries, hash: hashTree(entries) };
    });
    const looked = trees.filter((tree) => !surelyNew.has(tree.folder));
    const ids =
      looked.length > 0
        ? await insertTrees(tx, looked.map((tree) => tree.hash), looked.map((tree) => tree.entries))
        : new Map<string, string>();
    for (const tree of trees) {
      const id = surelyNew.has(tree.folder) ? reserve(tree.hash, tree.entries) : ids.get(tree.hash)!;
      if (tree.folder === "") return { rootTreeId: id, unstored: [...unstored.values()] };
      const { parent, name } = splitFolder(tree.folder);
      listingOf(parent).set(name, id);
    }
  }
  throw new Error("The top folder was not stored.");
}

/** The folders a path lies in: "a/b/c.ts" → "a/", "a/b/" (the top folder "" aside). */
function foldersOf(path: string): string[] {
  const folders = [];
  for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) folders.push(path.slice(0, slash + 1));
  return folders;
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
