import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { findLastRun } from "./find-revision-ran-with";

/**
 * A whole rollback's settings: the id of the revision the environment ran `version` with the
 * last time it made it active. Refused when none was recorded (it never ran there, or ran
 * before settings revisions), so the person can go on without restoring.
 */
export async function revisionToRestore(
  tx: Db,
  environment: { id: string; name: string },
  version: { id: string; name: string },
): Promise<Result<string>> {
  const revision = (await findLastRun(tx, environment.id, version.id))?.settingsRevision;
  if (!revision) {
    return fail("conflict", `No settings were recorded when ${version.name} ran in ${environment.name}, so they cannot be restored. Continue without restoring the settings.`);
  }
  return ok(revision.id);
}
