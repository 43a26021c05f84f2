import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { findLastRun } from "@/lib/settings-revisions/find-revision-ran-with";
import { diffSettingsFingerprints, parseSettingsFingerprint, readSettingsFingerprint, type SettingsDifference } from "./settings-fingerprint";

export interface SettingsComparison extends SettingsDifference {
  /** False when the version never ran in this environment with recorded settings: nothing to compare. */
  recorded: boolean;
  /** When the version was last made active in this environment; null if never. */
  since: Date | null;
  /** The settings revision the version last ran with here (what a whole rollback restores); null if none was recorded. */
  revision: number | null;
  /** The environment's settings revision now. */
  currentRevision: number;
}

/**
 * How the environment's settings differ now from when a version last became active there:
 * the warning before rolling back ("ERP_API_TOKEN changed since 1.1.0 ran here"). Key names
 * only, never values.
 */
export async function compareSettingsFingerprint(
  db: Db,
  request: { projectId: string; environmentId: string; versionId: string },
): Promise<Result<SettingsComparison>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  const unknownVersion = fail("not_found", "This version does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const environment = await db.environment.findFirst({
    where: { id: request.environmentId, projectId: request.projectId },
    select: { id: true, settingsRevision: true },
  });
  if (!environment) return unknownEnvironment;
  if (!isId(request.versionId)) return unknownVersion;
  const version = await db.version.findFirst({ where: { id: request.versionId, projectId: request.projectId }, select: { id: true } });
  if (!version) return unknownVersion;

  const deployment = await findLastRun(db, environment.id, version.id);
  const revisions = { revision: deployment?.settingsRevision?.number ?? null, currentRevision: environment.settingsRevision };
  const unknown = { added: [], removed: [], changed: [], ...revisions };
  if (!deployment) return ok({ recorded: false, since: null, ...unknown });
  const then = parseSettingsFingerprint(deployment.settingsFingerprint);
  if (!then) return ok({ recorded: false, since: deployment.createdAt, ...unknown });
  const now = await readSettingsFingerprint(db, environment.id);
  return ok({ recorded: true, since: deployment.createdAt, ...diffSettingsFingerprints(then, now), ...revisions });
}
