import { parseSettingsFingerprint, type SettingsFingerprint } from "@/lib/deployments/settings-fingerprint";
import { lockEnvironment } from "@/lib/environments/lock-environment";
import { settingContext } from "@/lib/environments/setting-context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { openSecret, secretKeyIdOf, SecretDecryptionError } from "./decrypt-secret";
import { encryptSecret } from "./encrypt-secret";
import { hashSettingValue } from "./hash-setting-value";
import { PREVIOUS_SECRET_KEY_ENV, SECRET_KEY_ENV, type SecretKeyring } from "./secret-key";

export interface EnvironmentToRotate {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
}

/** What an environment holds, all of it now under the current key; `rewritten` rows had to change. */
export interface RotationCounts {
  secrets: number;
  values: number;
  revisionEntries: number;
  fingerprints: number;
  rewritten: number;
}

export const NO_ROTATION: RotationCounts = { secrets: 0, values: 0, revisionEntries: 0, fingerprints: 0, rewritten: 0 };

/** A value neither key opens: the rotation stops, and the transaction holding this environment rolls back. */
export class RotationRefused extends Error {}

interface StoredValue {
  key: string;
  isSecret: boolean;
  value: string | null;
  encryptedValue: string | null;
  valueHash: string;
}

/**
 * Re-encrypts and re-hashes one environment under the current key, all in the caller's
 * transaction and under the environment's lock: its settings, every revision's entries, and
 * the settings fingerprints its deployments and requests recorded. One environment is never
 * split across transactions, because its hashes are compared with each other: at every
 * moment they are all made with one key. Values already under the current key are left as
 * they are, so running it again changes nothing. A revision's entries change only in their
 * ciphertext and hash (the database refuses anything else, see the migration
 * secret_key_rotation); their values stay the same once decrypted.
 */
export async function rotateEnvironmentKeys(
  tx: Prisma.TransactionClient,
  environment: EnvironmentToRotate,
  keyring: SecretKeyring,
): Promise<RotationCounts> {
  if (!(await lockEnvironment(tx, environment.projectId, environment.id))) return NO_ROTATION;
  await tx.$queryRaw`SELECT set_config('draftline.rotating_secret_key', 'on', true)`;
  const counts = { ...NO_ROTATION };
  // Each old hash (previous key) and the new hash of the same value: fingerprints hold hashes only.
  const rehashed = new Map<string, string>();

  const rekey = (row: StoredValue, where: string) => {
    const context = settingContext(environment.id, row.key);
    const plaintext = row.isSecret ? openOrRefuse(row.encryptedValue ?? "", context, keyring, where) : (row.value ?? "");
    const newHash = hashSettingValue(plaintext, context, keyring.current);
    const previousHash = keyring.previous ? hashSettingValue(plaintext, context, keyring.previous) : null;
    if (row.valueHash !== newHash && row.valueHash !== previousHash) throw new RotationRefused(hashRefusal(where, keyring));
    if (previousHash) rehashed.set(previousHash, newHash);
    const reencrypt = row.isSecret && secretKeyIdOf(row.encryptedValue ?? "") !== keyring.current.id;
    if (!reencrypt && row.valueHash === newHash) return null;
    counts.rewritten += 1;
    return { encryptedValue: reencrypt ? encryptSecret(plaintext, context, keyring.current) : row.encryptedValue, valueHash: newHash };
  };

  const place = `${environment.name} (project ${environment.projectName})`;
  const settings = await tx.environmentSetting.findMany({
    where: { environmentId: environment.id },
    orderBy: { key: "asc" },
    select: { id: true, key: true, isSecret: true, value: true, encryptedValue: true, valueHash: true },
  });
  for (const setting of settings) {
    const data = rekey(setting, `${setting.key} in ${place}`);
    if (setting.isSecret) counts.secrets += 1;
    else counts.values += 1;
    if (data) await tx.environmentSetting.update({ where: { id: setting.id }, data });
  }

  const entries = await tx.settingsRevisionEntry.findMany({
    where: { revision: { environmentId: environment.id } },
    orderBy: [{ revision: { number: "asc" } }, { key: "asc" }],
    select: { revisionId: true, key: true, isSecret: true, value: true, encryptedValue: true, valueHash: true, revision: { select: { number: true } } },
  });
  for (const entry of entries) {
    const data = rekey(entry, `${entry.key} in revision ${entry.revision.number} of ${place}`);
    counts.revisionEntries += 1;
    if (data) await tx.settingsRevisionEntry.update({ where: { revisionId_key: { revisionId: entry.revisionId, key: entry.key } }, data });
  }

  const deployments = await tx.deployment.findMany({ where: { environmentId: environment.id }, select: { id: true, settingsFingerprint: true } });
  for (const deployment of deployments) {
    const fingerprint = rehashFingerprint(deployment.settingsFingerprint, rehashed, counts);
    if (fingerprint) await tx.deployment.update({ where: { id: deployment.id }, data: { settingsFingerprint: fingerprint } });
  }
  const requests = await tx.deploymentRequest.findMany({ where: { environmentId: environment.id }, select: { id: true, settingsFingerprint: true } });
  for (const request of requests) {
    const fingerprint = rehashFingerprint(request.settingsFingerprint, rehashed, counts);
    if (fingerprint) await tx.deploymentRequest.update({ where: { id: request.id }, data: { settingsFingerprint: fingerprint } });
  }
  return counts;
}

/**
 * The fingerprint with each hash of a known value replaced by that value's new hash; null
 * when nothing changes (or none was recorded). Counts it. A hash of a value the environment no longer holds in any revision
 * stays: it matched no setting before the rotation and matches none after it.
 */
function rehashFingerprint(stored: Prisma.JsonValue, rehashed: ReadonlyMap<string, string>, counts: RotationCounts): SettingsFingerprint | null {
  const fingerprint = parseSettingsFingerprint(stored);
  if (!fingerprint) return null;
  counts.fingerprints += 1;
  let changed = false;
  const entries = Object.entries(fingerprint).map(([key, entry]) => {
    const hash = rehashed.get(entry.hash);
    if (hash === undefined || hash === entry.hash) return [key, entry] as const;
    changed = true;
    return [key, { ...entry, hash }] as const;
  });
  if (!changed) return null;
  counts.rewritten += 1;
  return Object.fromEntries(entries);
}

function openOrRefuse(encoded: string, context: string, keyring: SecretKeyring, where: string): string {
  try {
    return openSecret(encoded, context, keyring).plaintext;
  } catch (error) {
    if (!(error instanceof SecretDecryptionError)) throw error;
    const keyId = secretKeyIdOf(encoded);
    const savedUnder = keyId ? `; it was saved under key ${keyId}` : "";
    throw new RotationRefused(
      `The secret ${where} can be decrypted with neither ${describeKeys(keyring)}${savedUnder}. Set ${PREVIOUS_SECRET_KEY_ENV} to the key it was saved with.`,
    );
  }
}

function hashRefusal(where: string, keyring: SecretKeyring): string {
  return `The stored hash of ${where} was made with neither ${describeKeys(keyring)}: the settings were saved under another key. Set ${PREVIOUS_SECRET_KEY_ENV} to the key they were saved with.`;
}

function describeKeys(keyring: SecretKeyring): string {
  const previous = keyring.previous ? `${PREVIOUS_SECRET_KEY_ENV} (key ${keyring.previous.id})` : `${PREVIOUS_SECRET_KEY_ENV} (not set)`;
  return `${SECRET_KEY_ENV} (key ${keyring.current.id}) nor ${previous}`;
}
