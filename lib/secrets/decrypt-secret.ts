import { createDecipheriv } from "node:crypto";
import { SECRET_FORMAT_VERSION } from "./encrypt-secret";
import { getSecretKeys, type SecretKeys } from "./secret-key";

/** A stored secret that the current key cannot open: the key changed, or the value was altered. */
export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

export function decryptSecret(encoded: string, context: string, keys: SecretKeys = getSecretKeys()): string {
  const [version, iv, tag, ciphertext, ...rest] = encoded.split(".");
  if (version !== SECRET_FORMAT_VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length) {
    throw new SecretDecryptionError("A stored secret is damaged: it is not in Draftline's encrypted format.");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", keys.encryption, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(
      "A stored secret cannot be decrypted with the current secret key (DRAFTLINE_SECRET_KEY, or the key file named in the start-up log): the key changed since the secret was saved, or the stored value was altered. Restore the original key or set the secret again.",
    );
  }
}
