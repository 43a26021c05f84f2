import type { Db } from "@/lib/db/client";
import type { VersionRef } from "@/lib/deployments/deployment-entry";
import { treeHashAggregate } from "@/lib/versions/tree-hash";

/**
 * The project's newest version when the draft holds exactly its files (nothing changed
 * since), else null. One statement comparing the draft's tree hash, an aggregate over paths
 * and content hashes, with the newest version's stored one; no file content is read.
 */
export async function findUnchangedSince(db: Db, projectId: string): Promise<VersionRef | null> {
  const [row] = await db.$queryRaw<VersionRef[]>`
    WITH newest AS (
      SELECT id, number, name, tree_hash FROM versions
      WHERE project_id = ${projectId} ORDER BY number DESC LIMIT 1
    ), draft AS (
      SELECT ${treeHashAggregate("path", "content_hash")} AS tree_hash
      FROM draft_files WHERE project_id = ${projectId}
    )
    SELECT newest.id, newest.number, newest.name FROM newest JOIN draft ON draft.tree_hash = newest.tree_hash`;
  return row ?? null;
}
