import { createDecipheriv } from "node:crypto";
import { LEGACY_SECRET_FORMAT_VERSION, SECRET_FORMAT_VERSION } from "./encrypt-secret";
import { getSecretKeyring, PREVIOUS_SECRET_KEY_ENV, type SecretKeyring, type SecretKeys } from "./secret-key";

/** A stored secret that the current key cannot open: the key changed, or the value was altered. */
export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

export interface OpenedSecret {
  plaintext: string;
  /** The keys that opened it: the current ones, or the previous ones during a rotation. */
  keys: SecretKeys;
}

/** Decrypts with whichever key of the keyring the value was saved under (see encryptSecret). */
export function decryptSecret(encoded: string, context: string, keys: SecretKeys | SecretKeyring = getSecretKeyring()): string {
  return openSecret(encoded, context, keys).plaintext;
}

/**
 * Like decryptSecret, also telling which key opened the value. A `v2` value names its key and
 * is tried with that one only; a `v1` value (saved before values named their key) is tried
 * with the current key, then the previous one.
 */
export function openSecret(encoded: string, context: string, keys: SecretKeys | SecretKeyring = getSecretKeyring()): OpenedSecret {
  const keyring: SecretKeyring = "current" in keys ? keys : { current: keys, previous: null };
  const candidates = [keyring.current, ...(keyring.previous ? [keyring.previous] : [])];
  const parts = encoded.split(".");
  if (parts[0] === SECRET_FORMAT_VERSION && parts.length === 5) {
    const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
    const named = candidates.find((candidate) => candidate.id === keyId);
    const plaintext = named ? tryDecrypt(named, `${keyId}\u0000${context}`, iv, tag, ciphertext) : null;
    if (plaintext !== null) return { plaintext, keys: named! };
    throw new SecretDecryptionError(unreadableMessage(named ? null : keyId));
  }
  if (parts[0] === LEGACY_SECRET_FORMAT_VERSION && parts.length === 4) {
    const [, iv, tag, ciphertext] = parts as [string, string, string, string];
    for (const candidate of candidates) {
      const plaintext = tryDecrypt(candidate, context, iv, tag, ciphertext);
      if (plaintext !== null) return { plaintext, keys: candidate };
    }
    throw new SecretDecryptionError(unreadableMessage(null));
  }
  throw new SecretDecryptionError("A stored secret is damaged: it is not in Draftline's encrypted format.");
}

/** The key id a `v2` value names; null for a `v1` value or something else. */
export function secretKeyIdOf(encoded: string): string | null {
  const parts = encoded.split(".");
  return parts[0] === SECRET_FORMAT_VERSION && parts.length === 5 ? parts[1]! : null;
}

function tryDecrypt(keys: SecretKeys, aad: string, iv: string, tag: string, ciphertext: string): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", keys.encryption, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

function unreadableMessage(missingKeyId: string | null): string {
  const savedUnder = missingKeyId
    ? ` (it was saved under key ${missingKeyId}: during a key rotation, set ${PREVIOUS_SECRET_KEY_ENV} to that key)`
    : "";
  return `A stored secret cannot be decrypted with the current secret key (DRAFTLINE_SECRET_KEY, or the key file named in the start-up log): the key changed since the secret was saved${savedUnder}, or the stored value was altered. Restore the original key or set the secret again.`;
}
