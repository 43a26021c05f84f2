import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { countChanges } from "@/lib/versions/count-changes";
import { diffKnownTrees } from "@/lib/versions/diff-trees";
import { treeHashAggregate } from "@/lib/versions/tree-hash";

export interface DraftStatus {
  /** The version the draft was last created from or captured by; null before the first version. */
  base: { id: string; number: number; name: string } | null;
  /** Whether the draft differs from its base (always true without a base, unless it is empty). */
  changed: boolean;
  added: number;
  modified: number;
  removed: number;
}

/**
 * Compares the draft's tree hash with its base version's: one aggregate over paths and
 * hashes. Only when they differ are the changed files counted.
 */
export async function getDraftStatus(db: Db, projectId: string): Promise<Result<DraftStatus>> {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: { draftBaseVersion: { select: { id: true, number: true, name: true, treeHash: true } } },
  });
  if (!project) return fail("not_found", "This project does not exist.");
  const base = project.draftBaseVersion;

  const [draft] = await db.$queryRaw<Array<{ treeHash: string; fileCount: number }>>`
    SELECT ${treeHashAggregate("path", "content_hash")} AS "treeHash", count(*)::int AS "fileCount"
    FROM draft_files WHERE project_id = ${projectId}`;
  if (!base) {
    const fileCount = draft?.fileCount ?? 0;
    return ok({ base: null, changed: fileCount > 0, added: fileCount, modified: 0, removed: 0 });
  }
  const summary = { id: base.id, number: base.number, name: base.name };
  if (draft?.treeHash === base.treeHash) return ok({ base: summary, changed: false, added: 0, modified: 0, removed: 0 });

  const changes = await diffKnownTrees(db, projectId, { kind: "version", versionId: base.id }, { kind: "draft" });
  return ok({ base: summary, changed: true, ...countChanges(changes) });
}
