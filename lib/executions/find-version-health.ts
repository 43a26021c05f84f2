import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isId } from "@/lib/ids";

/** How a version's finished runs in one environment ended: its success rate there. */
export interface VersionHealth {
  versionId: string;
  environmentId: string;
  environment: string;
  /** Runs that succeeded. */
  succeeded: number;
  /** Runs that failed or timed out (after their last attempt). */
  failed: number;
}

/** What counts as finished: a run waiting for a retry is still queued, so only its last attempt counts. */
export const FINISHED_STATUSES = ["succeeded", "failed", "timed_out"] as const;

/**
 * The success rate of each given version in each of the project's environments where it has
 * finished runs, in one grouped statement (the executions' version index). Queued and running
 * runs do not count; versions without finished runs, or not the project's, are left out. With
 * `environmentIds`, only those environments. Ordered by environment position, then version.
 */
export async function findVersionHealth(
  db: Db,
  request: { projectId: string; versionIds: readonly string[]; environmentIds?: readonly string[] },
): Promise<VersionHealth[]> {
  const versionIds = request.versionIds.filter(isId);
  if (!isId(request.projectId) || versionIds.length === 0) return [];
  const environmentIds = request.environmentIds?.filter(isId);
  if (environmentIds?.length === 0) return [];
  const inEnvironments = environmentIds ? Prisma.sql`AND x.environment_id IN (${Prisma.join(environmentIds)})` : Prisma.empty;
  return db.$queryRaw<VersionHealth[]>`
    SELECT x.version_id AS "versionId", x.environment_id AS "environmentId", e.name AS environment,
           (count(*) FILTER (WHERE x.status = 'succeeded'))::int AS succeeded,
           (count(*) FILTER (WHERE x.status <> 'succeeded'))::int AS failed
    FROM executions AS x JOIN environments AS e ON e.id = x.environment_id
    WHERE x.version_id IN (${Prisma.join(versionIds)}) ${inEnvironments}
      AND x.project_id = ${request.projectId}
      AND x.status IN (${Prisma.join([...FINISHED_STATUSES])})
    GROUP BY x.version_id, x.environment_id, e.name, e.position
    ORDER BY e.position, x.version_id`;
}
