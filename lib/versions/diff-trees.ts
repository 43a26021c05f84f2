import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import type { ChangeStatus } from "./count-changes";
import { findVersion, VERSION_NOT_FOUND } from "./find-version";
import { versionFilesSql } from "./version-files-sql";

/** One side of a comparison: the latest draft, or a version of the same project. */
export type TreeRef = { kind: "draft" } | { kind: "version"; versionId: string };


export interface TreeChange {
  path: string;
  status: ChangeStatus;
  /** Content hashes on each side; null where the file does not exist on that side. */
  fromHash: string | null;
  toHash: string | null;
}

/**
 * What changes between two file sets, by path, comparing content hashes only (contents are
 * never read). Sorted by path. Unknown or foreign version ids give not_found.
 */
export async function diffTrees(db: Db, projectId: string, from: TreeRef, to: TreeRef): Promise<Result<TreeChange[]>> {
  for (const ref of [from, to]) {
    if (ref.kind === "version" && !(await findVersion(db, projectId, ref.versionId))) return fail("not_found", VERSION_NOT_FOUND);
  }
  return ok(await diffKnownTrees(db, projectId, from, to));
}

/** diffTrees for sides already known to belong to the project. */
export async function diffKnownTrees(db: Db, projectId: string, from: TreeRef, to: TreeRef): Promise<TreeChange[]> {
  const rows = await db.$queryRaw<Array<{ path: string; fromHash: string | null; toHash: string | null }>>`
    SELECT coalesce(f.path, t.path) AS path, f.hash AS "fromHash", t.hash AS "toHash"
    FROM (${treeSource(projectId, from)}) AS f
    FULL OUTER JOIN (${treeSource(projectId, to)}) AS t ON f.path = t.path
    ORDER BY coalesce(f.path, t.path) COLLATE "C"`;
  return rows.map((row) => ({ ...row, status: changeStatus(row.fromHash, row.toHash) }));
}

function treeSource(projectId: string, ref: TreeRef): Prisma.Sql {
  return ref.kind === "draft"
    ? Prisma.sql`SELECT path, content_hash AS hash FROM draft_files WHERE project_id = ${projectId}`
    : Prisma.sql`SELECT f.path, b.hash FROM (${versionFilesSql(ref.versionId)}) AS f JOIN blobs AS b ON b.id = f.blob_id`;
}

function changeStatus(fromHash: string | null, toHash: string | null): ChangeStatus {
  if (fromHash === null) return "added";
  if (toHash === null) return "removed";
  return fromHash === toHash ? "unchanged" : "modified";
}
