import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { lockEnvironment } from "@/lib/environments/lock-environment";
import { isId } from "@/lib/ids";
import { fail, type Result } from "@/lib/result";
import { findRollForwardTargets } from "./find-roll-forward-targets";
import { recordDeployment, type DeploymentOutcome } from "./record-deployment";

export interface RollForwardEnvironmentRequest {
  projectId: string;
  environmentId: string;
  author: string;
  /**
   * The version the user saw on the button ("Roll forward to 1.2.0"). When given and the
   * target has changed since (someone deployed or rolled back meanwhile), nothing happens and
   * the result is a conflict.
   */
  expectedVersionId?: string;
  /** See RecordDeploymentRequest.confirmed: rolling production forward is a deployment like any other. */
  confirmed?: boolean;
}

/**
 * Undoes the newest rollback: re-activates the version that ran before it (see
 * findRollForwardTargets) and records a deployment of kind `deploy`. Only a pointer changes;
 * no version is created or altered.
 */
export async function rollForwardEnvironment(
  db: PrismaClient,
  request: RollForwardEnvironmentRequest,
): Promise<Result<DeploymentOutcome>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  return runInTransaction(db, async (tx) => {
    const environment = await lockEnvironment(tx, request.projectId, request.environmentId);
    if (!environment) return unknownEnvironment;
    const target = (await findRollForwardTargets(tx, [environment.id])).get(environment.id);
    if (!target) return fail("conflict", `${environment.name} has no rollback to undo: its newest deployment is not a rollback.`);
    if (request.expectedVersionId !== undefined && request.expectedVersionId !== target.id) {
      return fail(
        "conflict",
        `${environment.name} changed in the meantime: rolling forward would now activate ${target.name} (#${target.number}). Check its history and try again.`,
      );
    }
    return recordDeployment(tx, {
      projectId: request.projectId,
      environmentId: environment.id,
      versionId: target.id,
      kind: "deploy",
      author: request.author,
      confirmed: request.confirmed,
    });
  });
}
