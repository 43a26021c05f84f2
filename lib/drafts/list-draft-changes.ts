import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import type { DraftFileEntry } from "./list-draft-files";

/** More changed files than this (a restore, a big import) and the client reloads the whole tree instead. */
export const MAX_LISTED_CHANGES = 200;

/**
 * What an open workspace needs to know to catch up with writes made elsewhere.
 *
 * Every write to a draft file takes a new revision from one sequence, so the files written
 * since revision N are those above N. Two concurrent transactions can commit out of revision
 * order, and deletions leave no row behind; the draft's file count and revision sum catch
 * both: after applying `files`, a client whose tree disagrees with them reloads the tree.
 */
export interface DraftChanges {
  /** The highest revision in the draft: pass it as `since` next time. */
  revision: number;
  /** Files written after `since`, oldest first; null when more than MAX_LISTED_CHANGES were. */
  files: DraftFileEntry[] | null;
  fileCount: number;
  revisionSum: number;
  /** The version the draft is based on: when it changes, so do the header's counts and the version list. */
  baseVersionId: string | null;
  /**
   * The draft's state in one word (file count, revision sum, base version): any write
   * changes it, a deletion or a new version included, which `since` alone cannot tell.
   * A long poll passes it back as `seen` and is answered as soon as it differs.
   */
  stamp: string;
}

export function draftStamp(changes: Pick<DraftChanges, "fileCount" | "revisionSum" | "baseVersionId">): string {
  return `${changes.fileCount}.${changes.revisionSum}.${changes.baseVersionId ?? "none"}`;
}

/** Revisions are 32-bit in the database; a larger `since` cannot name one. */
const MAX_REVISION = 2 ** 31 - 1;

export async function listDraftChanges(db: Db, projectId: string, since: number): Promise<Result<DraftChanges>> {
  if (!Number.isSafeInteger(since) || since < 0 || since > MAX_REVISION) return fail("invalid", "Ask for changes since a revision (a whole number, 0 or more).");
  const unknownProject = fail("not_found", "This project does not exist.");
  if (!isId(projectId)) return unknownProject;

  const project = await db.project.findUnique({ where: { id: projectId }, select: { draftBaseVersionId: true } });
  if (!project) return unknownProject;
  const [totals] = await db.$queryRaw<Array<{ revision: number; fileCount: number; revisionSum: bigint }>>`
    SELECT coalesce(max(revision), 0)::int AS revision, count(*)::int AS "fileCount",
           coalesce(sum(revision), 0)::bigint AS "revisionSum"
    FROM draft_files WHERE project_id = ${projectId}`;
  const changed = await db.$queryRaw<DraftFileEntry[]>`
    SELECT path, revision, size, content_hash AS "contentHash"
    FROM draft_files WHERE project_id = ${projectId} AND revision > ${since}
    ORDER BY revision LIMIT ${MAX_LISTED_CHANGES + 1}`;

  const state = {
    fileCount: totals?.fileCount ?? 0,
    revisionSum: Number(totals?.revisionSum ?? 0),
    baseVersionId: project.draftBaseVersionId,
  };
  return ok({
    revision: totals?.revision ?? 0,
    files: changed.length > MAX_LISTED_CHANGES ? null : changed,
    ...state,
    stamp: draftStamp(state),
  });
}
