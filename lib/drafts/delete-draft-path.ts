import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import { canNameDraftPath } from "./can-name-draft-path";
import { notifyDraftChange } from "./notify-draft-change";
import { recordRemovedPaths } from "./record-removed-paths";
import { excerpt } from "@/lib/text-checks";

/**
 * Deletes a file, or a folder with everything in it, from the draft. Versions keep theirs.
 * Takes turns with version creation (the project's lock), which takes in the removed paths.
 */
export async function deleteDraftPath(
  db: PrismaClient,
  input: { projectId: string; path: string },
): Promise<Result<{ deleted: number }>> {
  const missing = fail("not_found", `There is no file or folder ${excerpt(input.path)} in the draft.`);
  if (!canNameDraftPath(input.projectId, input.path)) return missing;
  return db.$transaction(async (tx) => {
    if (!(await lockProject(tx, input.projectId))) return missing;
    const gone = await tx.$queryRaw<Array<{ path: string }>>`
      DELETE FROM draft_files
      WHERE project_id = ${input.projectId} AND (path = ${input.path} OR starts_with(path, ${input.path} || '/'))
      RETURNING path`;
    if (gone.length === 0) return missing;
    await recordRemovedPaths(tx, input.projectId, gone.map((file) => file.path));
    await notifyDraftChange(tx, input.projectId);
    return ok({ deleted: gone.length });
  });
}
