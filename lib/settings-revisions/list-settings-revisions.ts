import type { Db } from "@/lib/db/client";
import { diffSettingsFingerprints, type SettingsDifference } from "@/lib/deployments/settings-fingerprint";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { fingerprintOf } from "./restore-settings-revision";

export const SETTINGS_HISTORY_PAGE = 20;

/** One line of an environment's settings history: who changed which keys when. Never a value. */
export interface SettingsRevisionSummary extends SettingsDifference {
  number: number;
  author: string;
  createdAt: Date;
  note: string;
  restoredFrom: number | null;
  /** The keys whose setting is (or was) a secret: shown only as "changed". */
  secretKeys: string[];
}

export interface SettingsHistory {
  /** The revision the environment's settings are now (0 before the first). */
  current: number;
  revisions: SettingsRevisionSummary[];
  /** Pass as `before` for the next, older page; null at the end. */
  nextBefore: number | null;
}

/** An environment's settings revisions, newest first, each with what it changed against the one before. */
export async function listSettingsRevisions(
  db: Db,
  request: { projectId: string; environmentId: string; before?: number | null; limit?: number },
): Promise<Result<SettingsHistory>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const environment = await db.environment.findFirst({
    where: { id: request.environmentId, projectId: request.projectId },
    select: { id: true, settingsRevision: true },
  });
  if (!environment) return unknownEnvironment;
  const limit = Math.min(Math.max(request.limit ?? SETTINGS_HISTORY_PAGE, 1), 100);
  // One more than the page: the oldest shown is compared with the one before it.
  const rows = await db.settingsRevision.findMany({
    where: { environmentId: environment.id, ...(request.before ? { number: { lt: request.before } } : {}) },
    orderBy: { number: "desc" },
    take: limit + 1,
    select: {
      number: true,
      authorName: true,
      createdAt: true,
      note: true,
      restoredFrom: true,
      entries: { select: { key: true, isSecret: true, valueHash: true } },
    },
  });
  const revisions = rows.slice(0, limit).map((row, index) => {
    const previous = rows[index + 1];
    const before = previous && previous.number === row.number - 1 ? previous.entries : [];
    const difference = diffSettingsFingerprints(fingerprintOf(before), fingerprintOf(row.entries));
    const secrets = new Set([...before, ...row.entries].filter((entry) => entry.isSecret).map((entry) => entry.key));
    const touched = [...difference.added, ...difference.changed, ...difference.removed];
    return {
      number: row.number,
      author: row.authorName,
      createdAt: row.createdAt,
      note: row.note,
      restoredFrom: row.restoredFrom,
      ...difference,
      secretKeys: touched.filter((key) => secrets.has(key)).sort(),
    };
  });
  const oldest = revisions.at(-1);
  return ok({ current: environment.settingsRevision, revisions, nextBefore: rows.length > limit && oldest ? oldest.number : null });
}
