import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import type { LockedEnvironment } from "@/lib/environments/lock-environment";

export interface SettingsRevisionRef {
  id: string;
  number: number;
}

export interface RecordSettingsRevisionRequest {
  /** Locked by the caller (lockEnvironment), after it changed environment_settings in the same transaction. */
  environment: LockedEnvironment;
  actor: Actor;
  note?: string;
  /** The revision a whole rollback restored. */
  restoredFrom?: number;
}

/**
 * Records the environment's settings as they are now (environment_settings, already changed
 * by the caller's transaction) as its next revision: the whole set, secrets as the same
 * ciphertext. Numbers follow the environment's counter, taken under its row lock, so two
 * edits never get the same number and none is skipped.
 */
export async function recordSettingsRevision(tx: Db, request: RecordSettingsRevisionRequest): Promise<SettingsRevisionRef> {
  const { environment } = request;
  const number = environment.settingsRevision + 1;
  const settings = await tx.environmentSetting.findMany({
    where: { environmentId: environment.id },
    select: { key: true, isSecret: true, value: true, encryptedValue: true, valueHash: true },
  });
  const id = randomUUID();
  await tx.settingsRevision.create({
    data: {
      id,
      environmentId: environment.id,
      number,
      authorId: request.actor.id,
      authorName: request.actor.name,
      note: request.note?.trim() ?? "",
      restoredFrom: request.restoredFrom ?? null,
    },
  });
  if (settings.length > 0) await tx.settingsRevisionEntry.createMany({ data: settings.map((setting) => ({ revisionId: id, ...setting })) });
  await tx.environment.update({ where: { id: environment.id }, data: { settingsRevision: number } });
  environment.settingsRevision = number;
  return { id, number };
}
