import { createHash } from "node:crypto";

/**
 * A version's files are stored as git stores them: a tree per folder, listing its files (by
 * blob id) and its subfolders (by tree id), and each distinct listing is stored once. Two
 * versions that differ in one file share every tree except those on that file's path.
 *
 * A tree's text has a line per entry, sorted by name in UTF-8 byte order (PostgreSQL's
 * COLLATE "C"): "name<TAB>blob id" for a file, "name/<TAB>tree id" for a folder. Paths hold
 * no control characters, so a name never contains TAB or a newline. The migration that
 * introduced trees builds the same text in SQL; keep the two in step.
 */
export interface TreeEntry {
  /** A file's name, or a folder's name followed by "/". */
  name: string;
  /** The blob id of a file, the tree id of a folder (bigint ids, as decimal text). */
  ref: string;
}

/** One file of a file set, by the id of the blob holding its content. */
export interface TreeFile {
  path: string;
  blobId: string;
}

/** A folder to store as a tree: "" for the top folder, else its path with a trailing "/". */
export interface FolderListing {
  folder: string;
  files: TreeEntry[];
  /** Names of the subfolders, each followed by "/". */
  subfolders: string[];
}

export function encodeTree(entries: TreeEntry[]): string {
  return entries
    .map((entry) => ({ ...entry, key: Buffer.from(entry.name, "utf8") }))
    .sort((left, right) => Buffer.compare(left.key, right.key))
    .map((entry) => `${entry.name}\t${entry.ref}`)
    .join("\n");
}

/** The SHA-256 of a tree's text, as hex: the key that stores equal trees once. */
export function hashTree(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The folders of a file set, grouped by depth, deepest first: a tree refers to its
 * subfolders' trees by id, so those must be stored first. The last group is the top folder,
 * present even for an empty file set.
 */
export function foldersDeepestFirst(files: TreeFile[]): FolderListing[][] {
  const folders = new Map<string, FolderListing>();
  const folderOf = (path: string): FolderListing => {
    let listing = folders.get(path);
    if (!listing) {
      listing = { folder: path, files: [], subfolders: [] };
      folders.set(path, listing);
      if (path !== "") {
        const slash = path.lastIndexOf("/", path.length - 2);
        folderOf(path.slice(0, slash + 1)).subfolders.push(path.slice(slash + 1));
      }
    }
    return listing;
  };
  folderOf("");
  for (const file of files) {
    const slash = file.path.lastIndexOf("/");
    folderOf(file.path.slice(0, slash + 1)).files.push({ name: file.path.slice(slash + 1), ref: file.blobId });
  }

  const byDepth: FolderListing[][] = [];
  for (const listing of folders.values()) {
    const depth = listing.folder.split("/").length - 1;
    (byDepth[depth] ??= []).push(listing);
  }
  return byDepth.reverse();
}
