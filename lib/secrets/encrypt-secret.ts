import { createCipheriv, randomBytes } from "node:crypto";
import { getSecretKeys, type SecretKeys } from "./secret-key";

export const SECRET_FORMAT_VERSION = "v1";

/**
 * AES-256-GCM with a fresh 96-bit IV, encoded as `v1.<iv>.<tag>.<ciphertext>` (base64url).
 * `context` is authenticated but not stored: a ciphertext only decrypts with the same
 * context, so a value copied to another setting or environment is refused.
 */
export function encryptSecret(plaintext: string, context: string, keys: SecretKeys = getSecretKeys()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.encryption, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [SECRET_FORMAT_VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}
