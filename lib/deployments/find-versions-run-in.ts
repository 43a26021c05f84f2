import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { MAX_VERSION_PAGE_SIZE } from "@/lib/versions/list-versions";

/** A version that has been active in an environment, and when it last became active there. */
export interface VersionRunIn {
  versionId: string;
  lastActiveAt: Date;
}

/**
 * Which of the given versions (a page of the version list) have ever been active in the
 * environment, by any deploy, promotion or rollback, each with the newest time it became
 * active. Versions that never ran there, or are not the project's, are left out.
 */
export async function findVersionsRunIn(
  db: Db,
  request: { projectId: string; environmentId: string; versionIds: string[] },
): Promise<Result<VersionRunIn[]>> {
  if (request.versionIds.length > MAX_VERSION_PAGE_SIZE) {
    return fail("invalid", `Ask about at most ${MAX_VERSION_PAGE_SIZE} versions at a time.`);
  }
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const environment = await db.environment.findFirst({
    where: { id: request.environmentId, projectId: request.projectId },
    select: { id: true },
  });
  if (!environment) return unknownEnvironment;
  const versionIds = request.versionIds.filter(isId);
  if (versionIds.length === 0) return ok([]);
  const rows = await db.deployment.groupBy({
    by: ["versionId"],
    where: { environmentId: environment.id, versionId: { in: versionIds } },
    _max: { createdAt: true },
  });
  return ok(rows.map((row) => ({ versionId: row.versionId, lastActiveAt: row._max.createdAt! })));
}
