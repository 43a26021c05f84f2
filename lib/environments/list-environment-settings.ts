import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { environmentSettingSelect, toEnvironmentSettingView, type EnvironmentSettingView } from "./environment-setting-view";

/** An environment's settings by key, safe to send to the browser: secrets only masked. */
export async function listEnvironmentSettings(
  db: Db,
  request: { projectId: string; environmentId: string },
): Promise<Result<EnvironmentSettingView[]>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const environment = await db.environment.findFirst({
    where: { id: request.environmentId, projectId: request.projectId },
    select: { settings: { select: environmentSettingSelect } },
  });
  if (!environment) return unknownEnvironment;
  const rows = [...environment.settings].sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
  return ok(rows.map(toEnvironmentSettingView));
}
