import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { escapeLike } from "@/lib/db/escape-like";
import { canNameDraftPath } from "./can-name-draft-path";
import { draftChangeNotice } from "./notify-draft-change";
import { excerpt } from "@/lib/text-checks";

/** Deletes a file, or a folder with everything in it, from the draft. Versions keep theirs. */
export async function deleteDraftPath(
  db: Db,
  input: { projectId: string; path: string },
): Promise<Result<{ deleted: number }>> {
  const missing = fail("not_found", `There is no file or folder ${excerpt(input.path)} in the draft.`);
  if (!canNameDraftPath(input.projectId, input.path)) return missing;
  const [{ count } = { count: 0 }] = await db.$queryRaw<Array<{ count: number }>>`
    WITH deleted AS (
      DELETE FROM draft_files
      WHERE project_id = ${input.projectId} AND (path = ${input.path} OR path LIKE ${`${escapeLike(input.path)}/%`})
      RETURNING 1)
    SELECT count(*)::int AS count FROM deleted, ${draftChangeNotice(input.projectId)}`;
  if (count === 0) return missing;
  return ok({ deleted: count });
}
