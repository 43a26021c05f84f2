import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which settings an environment had when a deployment happened: key → whether it was a
 * secret and the keyed hash of its value. Never a value, so it can sit in the deployment
 * row and be compared later.
 */
export type SettingsFingerprint = Record<string, { secret: boolean; hash: string }>;

export interface SettingsDifference {
  added: string[];
  removed: string[];
  changed: string[];
}

/** The environment's fingerprint now; the same expression recordDeployment stores with a deployment. */
export async function readSettingsFingerprint(db: Db, environmentId: string): Promise<SettingsFingerprint> {
  const [row] = await db.$queryRaw<Array<{ fingerprint: SettingsFingerprint }>>`
    SELECT ${settingsFingerprintSql(Prisma.sql`${environmentId}`)} AS fingerprint`;
  return row?.fingerprint ?? {};
}

/**
 * An environment's settings fingerprint as an SQL expression, so a statement can store it
 * without a round trip of its own (recordDeployment). `environmentId` is an SQL expression too
 * (a column of the statement, or a parameter).
 */
export function settingsFingerprintSql(environmentId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce((
    SELECT jsonb_object_agg(s.key, jsonb_build_object('secret', s.is_secret, 'hash', s.value_hash))
    FROM environment_settings AS s WHERE s.environment_id = ${environmentId}
  ), '{}'::jsonb)`;
}

/** Reads a stored fingerprint; null when none was recorded or it is not in the expected shape. */
export function parseSettingsFingerprint(stored: Prisma.JsonValue | null): SettingsFingerprint | null {
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return null;
  const entries: Array<[string, { secret: boolean; hash: string }]> = [];
  for (const [key, entry] of Object.entries(stored)) {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return null;
    const { secret, hash } = entry as Record<string, unknown>;
    if (typeof secret !== "boolean" || typeof hash !== "string") return null;
    entries.push([key, { secret, hash }]);
  }
  // fromEntries defines own properties, so keys such as __proto__ stay ordinary keys.
  return Object.fromEntries(entries);
}

/** Keys added, removed, or changed (another value, or turned into or out of a secret), each sorted. */
export function diffSettingsFingerprints(before: SettingsFingerprint, after: SettingsFingerprint): SettingsDifference {
  const sorted = (keys: string[]) => keys.sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
  const beforeKeys = Object.keys(before);
  const afterKeys = Object.keys(after);
  return {
    added: sorted(afterKeys.filter((key) => !Object.hasOwn(before, key))),
    removed: sorted(beforeKeys.filter((key) => !Object.hasOwn(after, key))),
    changed: sorted(
      afterKeys.filter((key) => {
        if (!Object.hasOwn(before, key)) return false;
        const old = before[key]!;
        const now = after[key]!;
        return old.hash !== now.hash || old.secret !== now.secret;
      }),
    ),
  };
}
