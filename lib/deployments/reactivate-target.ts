import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { lockEnvironment } from "@/lib/environments/lock-environment";
import type { VersionRef } from "./deployment-entry";
import { isId } from "@/lib/ids";
import { revisionToRestore } from "@/lib/settings-revisions/revision-to-restore";
import { fail, type Result } from "@/lib/result";
import { changeLockedActiveVersion, type ActiveVersionChange, type ChangeOptions } from "./change-active-version";

/** What rollback and roll forward share: which version to re-activate, and how to say so. */
export interface Reactivation extends ChangeOptions {
  projectId: string;
  environmentId: string;
  author: string;
  /** The signed-in person; absent or null for the system (sample data, scripts). */
  authorId?: string | null;
  /** The version the user saw on the button; when the target has changed since, a conflict. */
  expectedVersionId?: string;
  confirmed?: boolean;
  change: "rollback" | "roll_forward";
  /** The version each environment would re-activate (findRollbackTargets or findRollForwardTargets). */
  findTargets: (db: Db, environmentIds: string[]) => Promise<Map<string, VersionRef>>;
  /** "rolling back" / "rolling forward", for the conflict message. */
  verb: string;
  /** The refusal when there is no target, given the environment's name. */
  noTarget: (environmentName: string) => string;
  /** A whole rollback: also put the settings back as they were when the target last ran here. */
  restoreSettings?: boolean;
}

/**
 * Locks the environment, finds the version to re-activate, checks it is still the one the
 * user was shown, and changes the active version (or requests it, when protected). Only a
 * pointer changes; no version is created or altered.
 */
export async function reactivateTarget(db: PrismaClient, request: Reactivation): Promise<Result<ActiveVersionChange>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  return runInTransaction(db, async (tx) => {
    const environment = await lockEnvironment(tx, request.projectId, request.environmentId);
    if (!environment) return unknownEnvironment;
    const target = (await request.findTargets(tx, [environment.id])).get(environment.id);
    if (!target) return fail("conflict", request.noTarget(environment.name));
    if (request.expectedVersionId !== undefined && request.expectedVersionId !== target.id) {
      return fail(
        "conflict",
        `${environment.name} changed in the meantime: ${request.verb} would now activate ${target.name} (#${target.number}). Check its history and try again.`,
      );
    }
    let restoreSettingsRevisionId: string | undefined;
    if (request.restoreSettings) {
      const revision = await revisionToRestore(tx, environment, target);
      if (!revision.ok) return revision;
      restoreSettingsRevisionId = revision.value;
    }
    return changeLockedActiveVersion(tx, environment, {
      restoreSettingsRevisionId,
      projectId: request.projectId,
      versionId: target.id,
      change: request.change,
      author: request.author,
      authorId: request.authorId ?? null,
      confirmed: request.confirmed,
      note: request.note,
      bypassReason: request.bypassReason,
      role: request.role,
    });
  });
}
