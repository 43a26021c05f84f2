import type { Db } from "@/lib/db/client";
import { decryptSecret, SecretDecryptionError } from "@/lib/secrets/decrypt-secret";
import { hashSettingValue } from "@/lib/secrets/hash-setting-value";
import { getSecretKeyring, type SecretKeyring, type SecretKeys } from "@/lib/secrets/secret-key";
import { settingContext } from "./setting-context";

/**
 * The keys to hash a new value of the environment with. Value hashes are compared within one
 * environment (revisions with each other, deployments and requests with the settings now),
 * and a hash made with one key never equals one made with another. So during a key rotation,
 * until the rotation has re-hashed this environment (all of it in one transaction), its new
 * values are hashed with the previous key like the rest; otherwise with the current key.
 * Call it with the environment locked (lockEnvironment), as the rotation locks it too.
 */
export async function environmentHashKeys(tx: Db, environmentId: string, keyring: SecretKeyring = getSecretKeyring()): Promise<SecretKeys> {
  if (!keyring.previous) return keyring.current;
  const sample = await tx.environmentSetting.findFirst({
    where: { environmentId },
    // A plain value tells as well as a secret, without decrypting.
    orderBy: [{ isSecret: "asc" }, { key: "asc" }],
    select: { key: true, isSecret: true, value: true, encryptedValue: true, valueHash: true },
  });
  if (!sample) return keyring.current;
  const context = settingContext(environmentId, sample.key);
  try {
    const plaintext = sample.isSecret ? decryptSecret(sample.encryptedValue ?? "", context, keyring) : (sample.value ?? "");
    return hashSettingValue(plaintext, context, keyring.previous) === sample.valueHash ? keyring.previous : keyring.current;
  } catch (error) {
    if (error instanceof SecretDecryptionError) return keyring.current;
    throw error;
  }
}
