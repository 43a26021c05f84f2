import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/result";
import { findRollbackTargets } from "./find-rollback-targets";
import { reactivateTarget } from "./reactivate-target";
import type { ActiveVersionChange, ChangeOptions } from "./change-active-version";

export interface RollbackEnvironmentRequest extends ChangeOptions {
  projectId: string;
  environmentId: string;
  author: string;
  /** The signed-in person; absent or null for the system (sample data, scripts). */
  authorId?: string | null;
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
export function rollbackEnvironment(db: PrismaClient, request: RollbackEnvironmentRequest): Promise<Result<ActiveVersionChange>> {
  return reactivateTarget(db, {
    ...request,
    change: "rollback",
    findTargets: findRollbackTargets,
    verb: "rolling back",
    noTarget: (environment) => `${environment} has no earlier version to roll back to.`,
  });
}
