import type { Db } from "@/lib/db/client";
import { escapeLike } from "@/lib/db/escape-like";

/**
 * A path cannot name both a file and a folder: `a` and `a/b.ts` cannot coexist. Returns a
 * message describing the clash, or null. `ignorePrefix` skips paths that are about to move.
 */
export async function findPathCollision(db: Db, projectId: string, path: string, ignorePrefix?: string): Promise<string | null> {
  const ancestors = path.split("/").slice(0, -1).map((_, index, segments) => segments.slice(0, index + 1).join("/"));
  const clashes = await db.draftFile.findMany({
    where: {
      projectId,
      OR: [{ path }, { path: { in: ancestors } }, { path: { startsWith: `${escapeLike(path)}/` } }],
      ...(ignorePrefix ? { NOT: [{ path: ignorePrefix }, { path: { startsWith: `${escapeLike(ignorePrefix)}/` } }] } : {}),
    },
    select: { path: true },
    take: 1,
  });
  const clash = clashes[0]?.path;
  if (clash === undefined) return null;
  if (clash === path) return `A file named ${path} already exists.`;
  if (clash.startsWith(`${path}/`)) return `A folder named ${path} already exists.`;
  return `${clash} is a file, so it cannot also be a folder.`;
}
