import type { Db } from "@/lib/db/client";
import { hasUnversionedWork } from "@/lib/drafts/has-unversioned-work";
import { ok, type Result } from "@/lib/result";
import type { ChangeStatus } from "./count-changes";
import { diffTrees } from "./diff-trees";

export interface RestorePreview {
  /** What restoring does to the draft, file by file; unchanged files are left out. */
  changes: Array<{ path: string; status: Exclude<ChangeStatus, "unchanged"> }>;
  /** The draft holds work no version captures, so restoring should keep a backup first. */
  hasUnversionedWork: boolean;
}

/** What "Restore as draft" would change, without changing anything. Unknown or foreign versions give not_found. */
export async function previewRestore(db: Db, projectId: string, versionId: string): Promise<Result<RestorePreview>> {
  const [changes, unversioned] = await Promise.all([
    diffTrees(db, projectId, { kind: "draft" }, { kind: "version", versionId }),
    hasUnversionedWork(db, projectId),
  ]);
  if (!changes.ok) return changes;
  return ok({
    changes: changes.value.flatMap(({ path, status }) => (status === "unchanged" ? [] : [{ path, status }])),
    hasUnversionedWork: unversioned,
  });
}
