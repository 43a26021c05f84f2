import type { Db } from "@/lib/db/client";
import { getDraftStatus } from "@/lib/drafts/get-draft-status";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import type { ChangeStatus } from "@/lib/versions/count-changes";
import { diffTrees, type TreeRef } from "@/lib/versions/diff-trees";
import { versionRefSelect, type VersionRef } from "./deployment-entry";

/** What deploying the draft or a version to an environment would change there. */
export interface DeploymentPreview {
  environment: { id: string; name: string; activeVersion: VersionRef | null };
  /** Files added, modified or removed compared with the active version (all added when none runs). */
  changes: Array<{ path: string; status: Exclude<ChangeStatus, "unchanged"> }>;
  /** Only for the draft: the version whose files it holds exactly (nothing new to capture). */
  draftMatches: VersionRef | null;
}

/**
 * The dialog's preview of a deployment: `versionId` for a version, none for the latest draft.
 * Read-only; the deployment itself re-checks everything.
 */
export async function previewDeployment(
  db: Db,
  request: { projectId: string; environmentId: string; versionId?: string },
): Promise<Result<DeploymentPreview>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  if (request.versionId !== undefined && !isId(request.versionId)) return fail("not_found", "This version does not exist in this project.");
  const environment = await db.environment.findFirst({
    where: { id: request.environmentId, projectId: request.projectId },
    select: { id: true, name: true, activeVersion: { select: versionRefSelect } },
  });
  if (!environment) return unknownEnvironment;

  const target: TreeRef = request.versionId ? { kind: "version", versionId: request.versionId } : { kind: "draft" };
  const active = environment.activeVersion;
  // With nothing deployed yet, every file of the target is new there.
  const diff = await diffTrees(db, request.projectId, active ? { kind: "version", versionId: active.id } : target, target);
  if (!diff.ok) return diff;
  const changes = diff.value.flatMap(({ path, status }) => {
    if (!active) return [{ path, status: "added" as const }];
    return status === "unchanged" ? [] : [{ path, status }];
  });

  let draftMatches: VersionRef | null = null;
  if (target.kind === "draft") {
    const status = await getDraftStatus(db, request.projectId);
    if (status.ok && status.value.base && !status.value.changed) draftMatches = status.value.base;
  }
  return ok({ environment, changes, draftMatches });
}
