import { createCipheriv, randomBytes } from "node:crypto";
import { getSecretKeys, type SecretKeys } from "./secret-key";

/** Written before secrets named their key: `v1.<iv>.<tag>.<ciphertext>`, still read. */
export const LEGACY_SECRET_FORMAT_VERSION = "v1";
export const SECRET_FORMAT_VERSION = "v2";

/**
 * AES-256-GCM with a fresh 96-bit IV, encoded as `v2.<key id>.<iv>.<tag>.<ciphertext>`
 * (base64url). The key id (SecretKeys.id) says which master key opens it, so values saved
 * before and after a key rotation can be read side by side. `context` is authenticated but
 * not stored: a ciphertext only decrypts with the same context, so a value copied to another
 * setting or environment is refused. The key id is authenticated too.
 */
export function encryptSecret(plaintext: string, context: string, keys: SecretKeys = getSecretKeys()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.encryption, iv);
  cipher.setAAD(Buffer.from(`${keys.id}\u0000${context}`, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [SECRET_FORMAT_VERSION, keys.id, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}
