import type { Db } from "@/lib/db/client";
import { deploymentEntrySelect, toDeploymentEntry, type DeploymentEntry } from "@/lib/deployments/deployment-entry";
import { findVersionHealth, type VersionHealth } from "@/lib/executions/find-version-health";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";

export interface EnvironmentHistory {
  environment: { id: string; name: string };
  /** Newest first. */
  items: DeploymentEntry[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
  /** The success rate in this environment of each version the page lists that has finished runs here. */
  health: VersionHealth[];
}

export const HISTORY_PAGE_SIZE = 50;

/** An environment's deployments newest first, a page at a time, with how the versions' runs went there. */
export async function getEnvironmentHistory(
  db: Db,
  request: { projectId: string; environmentId: string; before?: number; limit?: number },
): Promise<Result<EnvironmentHistory>> {
  if (request.before !== undefined && !Number.isSafeInteger(request.before)) {
    return fail("invalid", "The page to show is not valid.");
  }
  const requested = request.limit ?? HISTORY_PAGE_SIZE;
  const limit = Number.isSafeInteger(requested) ? Math.min(Math.max(requested, 1), 200) : HISTORY_PAGE_SIZE;
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const environment = await db.environment.findFirst({
    where: { id: request.environmentId, projectId: request.projectId },
    select: { id: true, name: true },
  });
  if (!environment) return unknownEnvironment;
  const rows = await db.deployment.findMany({
    where: {
      environmentId: environment.id,
      ...(request.before === undefined ? {} : { sequence: { lt: BigInt(request.before) } }),
    },
    orderBy: { sequence: "desc" },
    take: limit + 1,
    select: deploymentEntrySelect,
  });
  const items = rows.slice(0, limit).map(toDeploymentEntry);
  const last = items.at(-1);
  const versionIds = [...new Set(items.map((item) => item.version.id))];
  const health = await findVersionHealth(db, { projectId: request.projectId, versionIds, environmentIds: [environment.id] });
  return ok({ environment, items, nextBefore: rows.length > limit && last ? last.sequence : null, health });
}
