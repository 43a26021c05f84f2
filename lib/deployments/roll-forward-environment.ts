import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/result";
import { findRollForwardTargets } from "./find-roll-forward-targets";
import { reactivateTarget } from "./reactivate-target";
import type { ActiveVersionChange, ChangeOptions } from "./change-active-version";

export interface RollForwardEnvironmentRequest extends ChangeOptions {
  projectId: string;
  environmentId: string;
  author: string;
  /** The signed-in person; absent or null for the system (sample data, scripts). */
  authorId?: string | null;
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
export function rollForwardEnvironment(db: PrismaClient, request: RollForwardEnvironmentRequest): Promise<Result<ActiveVersionChange>> {
  return reactivateTarget(db, {
    ...request,
    change: "roll_forward",
    findTargets: findRollForwardTargets,
    verb: "rolling forward",
    noTarget: (environment) => `${environment} has no rollback to undo: its newest deployment is not a rollback.`,
  });
}
