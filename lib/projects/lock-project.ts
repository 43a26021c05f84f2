import type { Db } from "@/lib/db/client";

/**
 * Locks the project's row until the transaction ends, so that changes to the draft's file
 * set and version creation take turns: checks made after the lock (file limits, path
 * clashes, name uniqueness) still hold when the writes commit. Returns the version counter
 * and the draft's base tree (see Project.draftBaseTreeId), or null when the project does not exist.
 */
export async function lockProject(
  tx: Db,
  projectId: string,
): Promise<{ versionCounter: number; draftBaseTreeId: string | null } | null> {
  const rows = await tx.$queryRaw<Array<{ versionCounter: number; draftBaseTreeId: string | null }>>`
    SELECT version_counter AS "versionCounter", draft_base_tree_id::text AS "draftBaseTreeId"
    FROM projects WHERE id = ${projectId} FOR UPDATE`;
  return rows[0] ?? null;
}
