import type { Db } from "@/lib/db/client";

export interface LockedEnvironment {
  id: string;
  name: string;
  activeVersionId: string | null;
  /** How many approvals a change of its active version needs; 0 means unprotected. */
  requiredApprovals: number;
}

/**
 * Locks the environment's row until the transaction ends, so deployments, rollbacks and
 * settings changes of one environment take turns, and reads its active version as of now.
 * Null when the environment does not exist in the project. Other environments stay free.
 * Lock order when both are needed: the project first (lockProject), then the environment.
 */
export async function lockEnvironment(tx: Db, projectId: string, environmentId: string): Promise<LockedEnvironment | null> {
  const rows = await tx.$queryRaw<LockedEnvironment[]>`
    SELECT id, name, active_version_id AS "activeVersionId", required_approvals AS "requiredApprovals"
    FROM environments WHERE id = ${environmentId} AND project_id = ${projectId}
    FOR UPDATE`;
  return rows[0] ?? null;
}
