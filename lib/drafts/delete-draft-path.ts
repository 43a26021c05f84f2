import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import { canNameDraftPath } from "./can-name-draft-path";
import { recordRemovedPathsSql } from "./record-removed-paths";
import { excerpt } from "@/lib/text-checks";

/**
 * Deletes a file, or a folder with everything in it, from the draft. Versions keep theirs. The
 * same statement records the removed paths for the next version.
 */
export async function deleteDraftPath(
  db: Db,
  input: { projectId: string; path: string },
): Promise<Result<{ deleted: number }>> {
  const missing = fail("not_found", `There is no file or folder ${excerpt(input.path)} in the draft.`);
  if (!canNameDraftPath(input.projectId, input.path)) return missing;
  const [row] = await db.$queryRaw<Array<{ deleted: number }>>`
    WITH gone AS (
      DELETE FROM draft_files
      WHERE project_id = ${input.projectId} AND (path = ${input.path} OR starts_with(path, ${input.path} || '/'))
      RETURNING path
    ),
    recorded AS (${recordRemovedPathsSql(input.projectId, Prisma.sql`SELECT path FROM gone`)})
    SELECT count(*)::int AS deleted FROM gone`;
  const deleted = row?.deleted ?? 0;
  if (deleted === 0) return missing;
  return ok({ deleted });
}
