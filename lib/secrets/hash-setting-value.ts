import { createHmac } from "node:crypto";
import { getSecretKeys, type SecretKeys } from "./secret-key";

/**
 * HMAC-SHA-256 of a setting's value, bound to its context (environment and key), as 64 hex
 * digits. Keyed, so a short secret cannot be guessed from its hash; bound to the context, so
 * equal values in two settings or environments do not show as equal hashes.
 */
export function hashSettingValue(value: string, context: string, keys: SecretKeys = getSecretKeys()): string {
  return createHmac("sha256", keys.hashing).update(context, "utf8").update("\u0000").update(value, "utf8").digest("hex");
}
