import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/result";
import { findHealthyTargets } from "./find-healthy-targets";
import { healthyRunCount } from "./healthy-run-count";
import { reactivateTarget } from "./reactivate-target";
import type { ActiveVersionChange } from "./change-active-version";
import type { RollbackEnvironmentRequest } from "./rollback-environment";

export interface RollbackToLastHealthyRequest extends RollbackEnvironmentRequest {
  /** How many newest finished runs must all have succeeded; DRAFTLINE_HEALTHY_RUNS (5) when absent. */
  healthyRuns?: number;
}

/**
 * Re-activates the newest earlier version whose recent runs in the environment all succeeded
 * (see findHealthyTargets), the way any rollback does: the same lock, the same check that it is
 * still the version the user was shown, optionally the settings it ran with, a request when the
 * environment is protected, a deployment of kind `rollback` and its audit event.
 */
export function rollbackToLastHealthy(db: PrismaClient, request: RollbackToLastHealthyRequest): Promise<Result<ActiveVersionChange>> {
  const runs = request.healthyRuns ?? healthyRunCount();
  return reactivateTarget(db, {
    ...request,
    change: "rollback",
    findTargets: (tx, environmentIds) => findHealthyTargets(tx, environmentIds, runs),
    verb: "rolling back to the last healthy version",
    noTarget: (environment) => `${environment} has no earlier version whose recent runs there all succeeded.`,
  });
}
