import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VersionRef } from "./deployment-entry";

/**
 * What "Roll forward" re-activates in each environment: right after a rollback (the newest
 * deployment is of kind rollback), the version that rollback moved away from. Environments
 * whose newest deployment is anything else, or whose rolled-back-from version no longer
 * exists (its previous_version_id was set to null), are absent.
 *
 * After deploying A, B, C and rolling back twice (C → B → A), the target is B: rolling
 * forward undoes the newest rollback, one step at a time, like an editor's redo. Rolling
 * forward is recorded as a deploy, so it ends the run of rollbacks and the target
 * disappears until the next rollback.
 */
export async function findRollForwardTargets(db: Db, environmentIds: string[]): Promise<Map<string, VersionRef>> {
  if (environmentIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<VersionRef & { environmentId: string }>>`
    WITH newest AS (
      SELECT DISTINCT ON (environment_id) environment_id, kind, previous_version_id
      FROM deployments
      WHERE environment_id IN (${Prisma.join(environmentIds)})
      ORDER BY environment_id, sequence DESC
    )
    SELECT n.environment_id AS "environmentId", v.id, v.number, v.name
    FROM newest AS n JOIN versions AS v ON v.id = n.previous_version_id
    WHERE n.kind = 'rollback'`;
  return new Map(rows.map(({ environmentId, ...version }) => [environmentId, version]));
}
