import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { lockEnvironment } from "@/lib/environments/lock-environment";
import { isId } from "@/lib/ids";
import { fail, type Result } from "@/lib/result";
import { findRollbackTargets } from "./find-rollback-targets";
import { recordDeployment, type DeploymentOutcome } from "./record-deployment";

export interface RollbackEnvironmentRequest {
  projectId: string;
  environmentId: string;
  author: string;
  /**
   * The version the user saw on the button ("Roll back to 1.1.0"). When given and the target
   * has changed since (someone deployed or rolled back meanwhile), nothing happens and the
   * result is a conflict.
   */
  expectedVersionId?: string;
}

/**
 * Re-activates the version that was active before the current deployment (see
 * findRollbackTargets for how repeated rollbacks walk further back) and records a
 * deployment of kind `rollback`. Only a pointer changes; no version is created or altered.
 */
export async function rollbackEnvironment(
  db: PrismaClient,
  request: RollbackEnvironmentRequest,
): Promise<Result<DeploymentOutcome>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  return runInTransaction(db, async (tx) => {
    const environment = await lockEnvironment(tx, request.projectId, request.environmentId);
    if (!environment) return unknownEnvironment;
    const target = (await findRollbackTargets(tx, [environment.id])).get(environment.id);
    if (!target) return fail("conflict", `${environment.name} has no earlier version to roll back to.`);
    if (request.expectedVersionId !== undefined && request.expectedVersionId !== target.id) {
      return fail(
        "conflict",
        `${environment.name} changed in the meantime: rolling back would now activate ${target.name} (#${target.number}). Check its history and try again.`,
      );
    }
    return recordDeployment(tx, {
      projectId: request.projectId,
      environmentId: environment.id,
      versionId: target.id,
      kind: "rollback",
      author: request.author,
    });
  });
}
