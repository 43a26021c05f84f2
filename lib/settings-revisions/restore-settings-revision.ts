import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import { diffSettingsFingerprints, type SettingsDifference, type SettingsFingerprint } from "@/lib/deployments/settings-fingerprint";
import type { LockedEnvironment } from "@/lib/environments/lock-environment";
import { randomUUID } from "node:crypto";
import { fail, ok, type Result } from "@/lib/result";
import { recordSettingsRevision, type SettingsRevisionRef } from "./record-settings-revision";

export interface RestoreSettingsRequest {
  projectId: string;
  /** Locked by the caller, in the transaction that also changes the active version. */
  environment: LockedEnvironment;
  revisionId: string;
  actor: Actor;
}

export interface SettingsRestore extends SettingsDifference {
  /** The revision restored. */
  restoredFrom: number;
  /** The new revision holding the restored settings; null when they already were as in that revision. */
  revision: SettingsRevisionRef | null;
}

/**
 * Puts an environment's settings back as they were in one of its revisions, as a new revision
 * (history only grows), inside the caller's transaction. The rows are copied as stored: a
 * secret's ciphertext is bound to its environment and key, which are the same. Writes a
 * `settings.restored` event naming the keys, never a value.
 */
export async function restoreSettingsRevision(tx: Db, request: RestoreSettingsRequest): Promise<Result<SettingsRestore>> {
  const { environment } = request;
  const target = await tx.settingsRevision.findFirst({
    where: { id: request.revisionId, environmentId: environment.id },
    select: { number: true, entries: { select: { key: true, isSecret: true, value: true, encryptedValue: true, valueHash: true } } },
  });
  if (!target) return fail("not_found", `This settings revision does not belong to ${environment.name}.`);
  const current = await tx.environmentSetting.findMany({
    where: { environmentId: environment.id },
    select: { id: true, key: true, isSecret: true, valueHash: true },
  });
  const difference = diffSettingsFingerprints(fingerprintOf(current), fingerprintOf(target.entries));
  if (difference.added.length + difference.changed.length + difference.removed.length === 0) {
    return ok({ ...difference, restoredFrom: target.number, revision: null });
  }
  const currentByKey = new Map(current.map((setting) => [setting.key, setting]));
  if (difference.removed.length > 0) {
    await tx.environmentSetting.deleteMany({ where: { environmentId: environment.id, key: { in: difference.removed } } });
  }
  const now = new Date();
  for (const entry of target.entries) {
    const existing = currentByKey.get(entry.key);
    const data = { isSecret: entry.isSecret, value: entry.value, encryptedValue: entry.encryptedValue, valueHash: entry.valueHash, updatedAt: now };
    if (!existing) await tx.environmentSetting.create({ data: { id: randomUUID(), environmentId: environment.id, key: entry.key, ...data } });
    else if (difference.changed.includes(entry.key)) await tx.environmentSetting.update({ where: { id: existing.id }, data });
  }
  const revision = await recordSettingsRevision(tx, {
    environment,
    actor: request.actor,
    note: `Restored revision ${target.number}`,
    restoredFrom: target.number,
  });
  await recordEvent(tx, {
    projectId: request.projectId,
    environmentId: environment.id,
    actor: request.actor,
    kind: "settings.restored",
    summary: { environment: environment.name, revision: revision.number, restoredFrom: target.number, ...difference },
  });
  return ok({ ...difference, restoredFrom: target.number, revision });
}

export function fingerprintOf(settings: ReadonlyArray<{ key: string; isSecret: boolean; valueHash: string }>): SettingsFingerprint {
  return Object.fromEntries(settings.map((setting) => [setting.key, { secret: setting.isSecret, hash: setting.valueHash }]));
}
