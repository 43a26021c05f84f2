import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VersionRef } from "./deployment-entry";

/**
 * What "Roll back" re-activates in each environment: the version that was active before the
 * deployment now in effect. Environments with nothing to roll back to are absent.
 *
 * An environment's deployments form a stack: a deploy or promotion pushes its version, a
 * rollback pops back to the one below. After deploying A, B, C, rollbacks go to B, then to
 * A, then nowhere, and never back to C. The deployment in effect is found walking from the
 * newest: each rollback cancels the next deploy not yet cancelled; the first deploy left
 * over is in effect and its previous version is the target. As a window sum: the newest
 * deploy with as many rollbacks as deploys after it.
 */
export async function findRollbackTargets(db: Db, environmentIds: string[]): Promise<Map<string, VersionRef>> {
  if (environmentIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<VersionRef & { environmentId: string }>>`
    WITH walked AS (
      SELECT environment_id, kind, previous_version_id, sequence,
             coalesce(sum(CASE WHEN kind = 'rollback' THEN 1 ELSE -1 END) OVER (
               PARTITION BY environment_id ORDER BY sequence DESC
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
             ), 0) AS rollbacks_pending
      FROM deployments
      WHERE environment_id IN (${Prisma.join(environmentIds)})
    ), in_effect AS (
      SELECT DISTINCT ON (environment_id) environment_id, previous_version_id
      FROM walked
      WHERE kind <> 'rollback' AND rollbacks_pending = 0
      ORDER BY environment_id, sequence DESC
    )
    SELECT e.environment_id AS "environmentId", v.id, v.number, v.name
    FROM in_effect AS e JOIN versions AS v ON v.id = e.previous_version_id`;
  return new Map(rows.map(({ environmentId, ...version }) => [environmentId, version]));
}
