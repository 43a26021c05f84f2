import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { FINISHED_STATUSES } from "@/lib/executions/find-version-health";
import type { VersionRef } from "./deployment-entry";
import { healthyRunCount } from "./healthy-run-count";

/**
 * What "Roll back to last healthy" re-activates in each environment: the newest earlier version
 * that is healthy there. Environments without one are absent.
 *
 * Earlier: a version deployed (or promoted, or rolled back to) in that environment before the
 * deployment in effect, other than the active version, newest by its latest such deployment.
 * Healthy: among its newest `runs` finished runs in that environment, at least one, and every one
 * succeeded (a failure or timeout among them disqualifies it; queued and running runs do not count).
 */
export async function findHealthyTargets(db: Db, environmentIds: string[], runs: number = healthyRunCount()): Promise<Map<string, VersionRef>> {
  if (environmentIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<VersionRef & { environmentId: string }>>`
    WITH current AS (
      SELECT e.id AS environment_id, e.active_version_id,
             (SELECT max(d.sequence) FROM deployments AS d WHERE d.environment_id = e.id) AS newest
      FROM environments AS e
      WHERE e.id IN (${Prisma.join(environmentIds)})
    ), earlier AS (
      SELECT d.environment_id, d.version_id, max(d.sequence) AS last_sequence
      FROM deployments AS d JOIN current AS c ON c.environment_id = d.environment_id
      WHERE d.sequence < c.newest AND d.version_id IS DISTINCT FROM c.active_version_id
      GROUP BY d.environment_id, d.version_id
    ), healthy AS (
      SELECT earlier.environment_id, earlier.version_id, earlier.last_sequence
      FROM earlier CROSS JOIN LATERAL (
        SELECT count(*) AS finished, count(*) FILTER (WHERE recent.status <> 'succeeded') AS failures
        FROM (
          SELECT x.status FROM executions AS x
          WHERE x.version_id = earlier.version_id AND x.environment_id = earlier.environment_id
            AND x.status IN (${Prisma.join([...FINISHED_STATUSES])})
          ORDER BY x.finished_at DESC NULLS LAST, x.id DESC
          LIMIT ${runs}
        ) AS recent
      ) AS tally
      WHERE tally.finished > 0 AND tally.failures = 0
    )
    SELECT DISTINCT ON (h.environment_id) h.environment_id AS "environmentId", v.id, v.number, v.name
    FROM healthy AS h JOIN versions AS v ON v.id = h.version_id
    ORDER BY h.environment_id, h.last_sequence DESC`;
  return new Map(rows.map(({ environmentId, ...version }) => [environmentId, version]));
}
