import type { Db } from "@/lib/db/client";
import { byteLength, hashContent } from "@/lib/files/hash-content";
import { validateContent } from "@/lib/files/validate-content";
import { fail, ok, type DomainError, type Result } from "@/lib/result";
import { canNameDraftPath } from "./can-name-draft-path";
import { draftChangeNotice } from "./notify-draft-change";
import { baseRevisionSchema } from "./schemas";
import { excerpt } from "@/lib/text-checks";

export interface SaveDraftFileInput {
  projectId: string;
  path: string;
  content: string;
  /** The revision the editor loaded; the save is refused if the file has moved on since. */
  baseRevision: number;
  /** Who is saving, recorded as the file's last author. */
  author?: string;
}

/** The stored file that refused a stale save: its text, and who wrote it when. */
export interface StoredDraftFile {
  content: string;
  revision: number;
  updatedBy: string | null;
  updatedAt: Date;
}

export type SaveConflict = DomainError & { code: "conflict"; current: StoredDraftFile };

/**
 * Optimistic concurrency: the write only happens if the stored revision is still the one
 * the editor started from, checked and replaced in a single UPDATE so that of many
 * concurrent saves on one revision exactly one wins.
 */
export async function saveDraftFile(
  db: Db,
  input: SaveDraftFileInput,
): Promise<Result<{ revision: number }> | { ok: false; error: SaveConflict }> {
  const content = validateContent(input.content);
  if (!content.ok) return content;
  const baseRevision = baseRevisionSchema.safeParse(input.baseRevision);
  if (!baseRevision.success) return fail("invalid", baseRevision.error.issues[0]?.message ?? "The save names no valid revision.");
  const missing = fail("not_found", `${excerpt(input.path)} no longer exists in the draft: it was renamed or deleted.`);
  if (!canNameDraftPath(input.projectId, input.path)) return missing;

  const saved = await db.$queryRaw<Array<{ revision: number }>>`
    WITH saved AS (
      UPDATE draft_files
      SET content = ${content.value}, content_hash = ${hashContent(content.value)}, size = ${byteLength(content.value)},
          revision = nextval('draft_file_revision_seq'), updated_at = now(), updated_by = ${input.author ?? null},
          changed_since_base = true
      WHERE project_id = ${input.projectId} AND path = ${input.path} AND revision = ${input.baseRevision}
      RETURNING revision)
    SELECT saved.revision FROM saved, ${draftChangeNotice(input.projectId)}`;
  if (saved[0]) return ok({ revision: saved[0].revision });

  const where = { projectId: input.projectId, path: input.path };
  const current = await db.draftFile.findFirst({
    where,
    select: { content: true, revision: true, updatedBy: true, updatedAt: true },
  });
  if (!current) return missing;
  return {
    ok: false,
    error: {
      code: "conflict",
      message: `${excerpt(input.path)} was changed ${current.updatedBy ? `by ${current.updatedBy}` : "elsewhere"} since this editor loaded it.`,
      current,
    },
  };
}
