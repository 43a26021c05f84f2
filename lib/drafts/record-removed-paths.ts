import type { Db } from "@/lib/db/client";

/**
 * Remembers paths that left the draft (deleted or renamed away), so that the next version
 * leaves them out of its base's trees. Call it in the transaction that removes them, holding
 * the project's lock (lockProject): version creation holds it too, so it takes in every
 * removal recorded before it and none while it runs.
 */
export async function recordRemovedPaths(tx: Db, projectId: string, paths: string[]) {
  if (paths.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO draft_removed_paths (project_id, path)
    SELECT ${projectId}, path FROM unnest(${paths}::text[]) AS path
    ON CONFLICT (project_id, path) DO NOTHING`;
}
