import type { Db } from "@/lib/db/client";
import { treeHashAggregate } from "@/lib/versions/tree-hash";

/**
 * True when the draft holds work that no version captures: it has files and its tree hash
 * equals no version's of the project.
 */
export async function hasUnversionedWork(db: Db, projectId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<Array<{ unversioned: boolean }>>`
    WITH draft AS (
      SELECT ${treeHashAggregate("path", "content_hash")} AS tree_hash, count(*) AS file_count
      FROM draft_files WHERE project_id = ${projectId}
    )
    SELECT draft.file_count > 0 AND NOT EXISTS (
      SELECT 1 FROM versions WHERE project_id = ${projectId} AND tree_hash = draft.tree_hash
    ) AS unversioned
    FROM draft`;
  return row?.unversioned ?? false;
}
