import type { Db } from "@/lib/db/client";

/**
 * After a version took in the draft's changes, marks them as part of the draft's new base:
 * the files it read are no longer changed, the removed paths forgotten. A file saved again
 * since the version read it (its revision moved on) stays changed for the next version; the
 * revision check runs on the row as it is when the update gets its lock, so a save committing
 * concurrently is never lost. Removals need no such check: they are recorded under the
 * project's lock, which the caller holds.
 */
export async function forgetVersionedChanges(
  tx: Db,
  projectId: string,
  taken: { written: Array<{ id: string; revision: number }>; removed: string[] },
) {
  const read = taken.written;
  if (read.length > 0) {
    await tx.$executeRaw`
      UPDATE draft_files AS d SET changed_since_base = false
      FROM unnest(${read.map((file) => file.id)}::text[], ${read.map((file) => file.revision)}::int[]) AS t (id, revision)
      WHERE d.project_id = ${projectId} AND d.id = t.id AND d.revision = t.revision AND d.changed_since_base`;
  }
  if (taken.removed.length > 0) await tx.$executeRaw`DELETE FROM draft_removed_paths WHERE project_id = ${projectId}`;
}
