import type { Db } from "@/lib/db/client";

/**
 * Locks the project's row until the transaction ends, so that changes to the draft's file
 * set and version creation take turns: checks made after the lock (file limits, path
 * clashes, name uniqueness) still hold when the writes commit. Returns the version counter,
 * or null when the project does not exist.
 */
export async function lockProject(tx: Db, projectId: string): Promise<{ versionCounter: number } | null> {
  const rows = await tx.$queryRaw<Array<{ versionCounter: number }>>`
    SELECT version_counter AS "versionCounter" FROM projects WHERE id = ${projectId} FOR UPDATE`;
  return rows[0] ?? null;
}
