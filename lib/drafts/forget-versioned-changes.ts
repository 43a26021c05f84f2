import type { Db } from "@/lib/db/client";

/**
 * After a version took in these changes of the draft, marks them as part of the draft's new
 * base: the files are no longer changed, the removals forgotten. Only a file still at the
 * revision the version read, and a removal not recorded again since, is touched; a save or
 * deletion that came in meanwhile stays for the next version. The revision check runs on the
 * row as it is when the update gets its lock, so a save committing concurrently is never lost.
 */
export async function forgetVersionedChanges(
  tx: Db,
  projectId: string,
  written: Array<{ id: string; revision: number }>,
  removed: Array<{ path: string; revision: number }>,
) {
  if (written.length > 0) {
    await tx.$executeRaw`
      UPDATE draft_files AS d SET changed_since_base = false
      FROM unnest(${written.map((file) => file.id)}::text[], ${written.map((file) => file.revision)}::int[]) AS taken (id, revision)
      WHERE d.project_id = ${projectId} AND d.id = taken.id AND d.revision = taken.revision AND d.changed_since_base`;
  }
  if (removed.length > 0) {
    await tx.$executeRaw`
      DELETE FROM draft_removed_paths AS r
      USING unnest(${removed.map((entry) => entry.path)}::text[], ${removed.map((entry) => entry.revision)}::int[]) AS taken (path, revision)
      WHERE r.project_id = ${projectId} AND r.path = taken.path AND r.revision = taken.revision`;
  }
}
