import type { PrismaClient } from "@/lib/generated/prisma/client";
import { validatePath } from "@/lib/files/validate-path";
import { isId } from "@/lib/ids";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import { notifyDraftChange } from "./notify-draft-change";
import { findPathCollision } from "./path-collision";
import { recordRemovedPaths } from "./record-removed-paths";
import { escapeLike } from "@/lib/db/escape-like";
import { excerpt } from "@/lib/text-checks";

/**
 * Renames a file, or a folder with everything in it. Revisions move forward so that an
 * editor still holding the old path cannot silently write to it; `author` becomes each moved
 * file's last author, so such an editor is told who moved it. For the next version, the
 * moved files count as written at their new paths and removed from their old ones.
 */
export async function renameDraftPath(
  db: PrismaClient,
  input: { projectId: string; from: string; to: string; author?: string },
): Promise<Result<{ renamed: Array<{ from: string; to: string }> }>> {
  const to = validatePath(input.to);
  if (!to.ok) return to;
  const from = input.from;
  if (to.value === from) return ok({ renamed: [] });
  if (to.value.startsWith(`${from}/`)) return fail("invalid", `${excerpt(from)} cannot be moved into itself.`);
  const unknownProject = fail("not_found", "This project does not exist.");
  if (!isId(input.projectId)) return unknownProject;
  const missing = fail("not_found", `There is no file or folder ${excerpt(from)} in the draft.`);
  if (!validatePath(from).ok) return missing;

  return db.$transaction(async (tx) => {
    if (!(await lockProject(tx, input.projectId))) return unknownProject;
    const moving = await tx.draftFile.findMany({
      where: { projectId: input.projectId, OR: [{ path: from }, { path: { startsWith: `${escapeLike(from)}/` } }] },
      select: { id: true, path: true },
    });
    if (moving.length === 0) return missing;
    // Shortest paths first: moving a folder into its parent (a/a → a) frees each target before it is taken.
    moving.sort((left, right) => left.path.length - right.path.length);

    const isFile = moving.length === 1 && moving[0]?.path === from;
    const renamed = moving.map((file) => ({
      id: file.id,
      from: file.path,
      to: isFile ? to.value : to.value + file.path.slice(from.length),
    }));
    // Nothing else may sit at the target, so paths inside a moved folder cannot clash either.
    const collision = await findPathCollision(tx, input.projectId, to.value, from);
    if (collision) return fail("conflict", collision);
    for (const file of renamed) {
      const checked = validatePath(file.to);
      if (!checked.ok) return fail("invalid", `Renaming would make ${excerpt(file.from)} too long or invalid: ${checked.error.message}`);
    }
    for (const file of renamed) {
      await tx.$executeRaw`
        UPDATE draft_files SET path = ${file.to}, revision = nextval('draft_file_revision_seq'), updated_at = now(),
          updated_by = ${input.author ?? null}, changed_since_base = true
        WHERE id = ${file.id}`;
    }
    await recordRemovedPaths(tx, input.projectId, renamed.map((file) => file.from));
    await notifyDraftChange(tx, input.projectId);
    return ok({ renamed: renamed.map(({ from, to }) => ({ from, to })) });
  });
}
