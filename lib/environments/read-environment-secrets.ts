import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { settingContext } from "./setting-context";

export interface EnvironmentSettingsForRun {
  name: string;
  settings: Array<{ key: string; value: string; isSecret: boolean }>;
}

/**
 * SERVER ONLY — never return this to a browser. An environment's name and every setting with
 * its real value, secrets decrypted: what the integration runs with. Throws
 * SecretDecryptionError when a secret cannot be decrypted with the current key.
 */
export async function readEnvironmentSettingsForRun(
  db: Db,
  request: { projectId: string; environmentId: string },
): Promise<Result<EnvironmentSettingsForRun>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const environment = await db.environment.findFirst({
    where: { id: request.environmentId, projectId: request.projectId },
    select: { id: true, name: true, settings: { select: { key: true, isSecret: true, value: true, encryptedValue: true } } },
  });
  if (!environment) return unknownEnvironment;
  const settings = environment.settings.map((setting) => ({
    key: setting.key,
    isSecret: setting.isSecret,
    value: setting.isSecret
      ? decryptSecret(setting.encryptedValue ?? "", settingContext(environment.id, setting.key))
      : (setting.value ?? ""),
  }));
  return ok({ name: environment.name, settings });
}

/** SERVER ONLY — every setting of an environment by key, secrets decrypted (see readEnvironmentSettingsForRun). */
export async function readEnvironmentSecrets(
  db: Db,
  request: { projectId: string; environmentId: string },
): Promise<Result<Record<string, string>>> {
  const read = await readEnvironmentSettingsForRun(db, request);
  if (!read.ok) return read;
  return ok(Object.fromEntries(read.value.settings.map((setting) => [setting.key, setting.value])));
}
