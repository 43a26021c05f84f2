import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { lockEnvironment } from "@/lib/environments/lock-environment";
import { isId } from "@/lib/ids";
import { fail, type Result } from "@/lib/result";
import { revisionToRestore } from "@/lib/settings-revisions/revision-to-restore";
import { changeActiveVersion, changeLockedActiveVersion, type ActiveVersionChange, type ChangeOptions } from "./change-active-version";

export interface DeployVersionRequest extends ChangeOptions {
  projectId: string;
  environmentId: string;
  versionId: string;
  author: string;
  /** The signed-in person; absent or null for the system (sample data, scripts). */
  authorId?: string | null;
  /** `promote` when the version comes from another environment; see promoteEnvironment. */
  kind?: "deploy" | "promote";
  /** See RecordDeploymentRequest.confirmed. */
  confirmed?: boolean;
  /**
   * Deploying a version that ran in this environment before: also put the settings back as
   * they were when it last ran here (a whole rollback, as rolling back offers).
   */
  restoreSettings?: boolean;
}

/** Makes an existing version active in an environment (or requests it, when protected); no version is created. */
export async function deployVersion(db: PrismaClient, request: DeployVersionRequest): Promise<Result<ActiveVersionChange>> {
  const { restoreSettings, ...change } = request;
  const kind = change.kind ?? "deploy";
  if (kind !== "deploy" && kind !== "promote") return fail("invalid", "A deployment is either a deploy or a promotion.");
  if (!isId(change.projectId) || !isId(change.environmentId)) {
    return fail("not_found", "This environment does not exist in this project.");
  }
  return runInTransaction(db, async (tx) => {
    if (!restoreSettings) return changeActiveVersion(tx, { ...change, change: kind });
    // Locked first to find the revision to restore; changeLockedActiveVersion does not lock it again.
    const { environmentId, ...locked } = change;
    const environment = await lockEnvironment(tx, change.projectId, environmentId);
    if (!environment) return fail("not_found", "This environment does not exist in this project.");
    const version = isId(change.versionId)
      ? await tx.version.findFirst({ where: { id: change.versionId, projectId: change.projectId }, select: { id: true, name: true } })
      : null;
    if (!version) return fail("not_found", "This version does not exist in this project.");
    const revision = await revisionToRestore(tx, environment, version);
    if (!revision.ok) return revision;
    return changeLockedActiveVersion(tx, environment, { ...locked, change: kind, restoreSettingsRevisionId: revision.value });
  });
}
