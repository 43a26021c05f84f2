import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { settingContext } from "./setting-context";

/**
 * SERVER ONLY — never return this to a browser. Every setting of an environment with its
 * real value, secrets decrypted: what the integration runs with. Throws
 * SecretDecryptionError when a secret cannot be decrypted with the current key.
 */
export async function readEnvironmentSecrets(
  db: Db,
  request: { projectId: string; environmentId: string },
): Promise<Result<Record<string, string>>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const environment = await db.environment.findFirst({
    where: { id: request.environmentId, projectId: request.projectId },
    select: { id: true, settings: { select: { key: true, isSecret: true, value: true, encryptedValue: true } } },
  });
  if (!environment) return unknownEnvironment;
  const entries = environment.settings.map((setting) => [
    setting.key,
    setting.isSecret
      ? decryptSecret(setting.encryptedValue ?? "", settingContext(environment.id, setting.key))
      : (setting.value ?? ""),
  ]);
  return ok(Object.fromEntries(entries));
}
