import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A path cannot name both a file and a folder (`a` and `a/b.ts` cannot coexist), and two
 * paths may not differ only in case (`README.md` and `readme.md`, `src/` and `Src/`): they
 * would clash on the case-insensitive file systems of macOS and Windows. Returns a message
 * describing the clash, or null. `ignorePrefix` skips paths that are about to move.
 */
export async function findPathCollision(db: Db, projectId: string, path: string, ignorePrefix?: string): Promise<string | null> {
  const folders = foldersOf(path);
  const ignore = ignorePrefix === undefined ? Prisma.empty : Prisma.sql`AND NOT (path = ${ignorePrefix} OR starts_with(path, ${ignorePrefix} || '/'))`;
  const [clash] = await db.$queryRaw<Array<{ path: string }>>`
    SELECT path FROM draft_files
    WHERE project_id = ${projectId} ${ignore}
      AND (lower(path) = lower(${path})
           OR lower(path) IN (SELECT lower(folder) FROM unnest(${folders}::text[]) AS folder)
           OR starts_with(lower(path), lower(${path}) || '/')
           OR EXISTS (SELECT 1 FROM unnest(${folders}::text[]) AS folder
                      WHERE starts_with(lower(path), lower(folder) || '/') AND NOT starts_with(path, folder || '/')))
    ORDER BY path = ${path} DESC
    LIMIT 1`;
  return clash ? describeCollision(path, clash.path) : null;
}

/**
 * The same rule as findPathCollision among paths not yet stored (a new project's files): the
 * message for the first path that clashes with one before it, or null.
 */
export function findCollisionAmong(paths: Iterable<string>): string | null {
  // Each file's and folder's lowercased path → one file that is or lies in it, as written.
  const taken = new Map<string, { name: string; isFile: boolean; file: string }>();
  for (const path of paths) {
    const names = [...foldersOf(path), path];
    for (const [index, name] of names.entries()) {
      const isFile = index === names.length - 1;
      const seen = taken.get(name.toLowerCase());
      if (seen && (seen.name !== name || seen.isFile || isFile)) return describeCollision(path, seen.file);
      if (!seen) taken.set(name.toLowerCase(), { name, isFile, file: path });
    }
  }
  return null;
}

/** "a/b/c.ts" → ["a", "a/b"]. */
function foldersOf(path: string): string[] {
  const segments = path.split("/").slice(0, -1);
  return segments.map((_, index) => segments.slice(0, index + 1).join("/"));
}

/** Why `path` cannot be created next to the existing `clash`. */
function describeCollision(path: string, clash: string): string {
  const sameCase = " Paths may not differ only in case.";
  const lower = clash.toLowerCase();
  if (lower === path.toLowerCase()) return `A file named ${clash} already exists.${clash === path ? "" : sameCase}`;
  if (lower.startsWith(`${path.toLowerCase()}/`)) {
    const folder = clash.slice(0, path.length);
    return `A folder named ${folder} already exists.${folder === path ? "" : sameCase}`;
  }
  const folders = foldersOf(path);
  if (folders.some((folder) => folder.toLowerCase() === lower)) return `${clash} is a file, so it cannot also be a folder.`;
  const folder =
    folders.find((candidate) => lower.startsWith(`${candidate.toLowerCase()}/`) && !clash.startsWith(`${candidate}/`)) ?? path;
  return `A folder named ${clash.slice(0, folder.length)} already exists.${sameCase}`;
}
