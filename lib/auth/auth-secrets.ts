import type { SecretKeyring, SecretKeys } from "@/lib/secrets/secret-key";

/** Better Auth's versioned secrets: the first signs and encrypts, the others are read only. */
export interface AuthSecrets {
  /** For what Better Auth encrypted before it was given versioned secrets (bare hex, no version). */
  secret: string;
  secrets: Array<{ version: number; value: string }>;
}

/** Better Auth's secret derived from one master key. */
export function authSecretValue(keys: SecretKeys): string {
  return keys.authentication.toString("base64url");
}

/** The version Better Auth writes into what it encrypts (`$ba$<version>$…`): the key id as a number. */
export function authSecretVersion(keys: SecretKeys): number {
  return Number.parseInt(keys.id.slice(0, 7), 16);
}

/**
 * Better Auth reads with every key of the keyring and writes with the current one, so a
 * two-factor secret saved under the previous key keeps working during a rotation. Values it
 * encrypted before it had versions were made with the key in use then: the previous one
 * during a rotation, else the current one. Session cookies are signed with the current key
 * only: after the key changes, people sign in again.
 */
export function authSecrets(keyring: SecretKeyring): AuthSecrets {
  const keys = [keyring.current, ...(keyring.previous ? [keyring.previous] : [])];
  return {
    secret: authSecretValue(keyring.previous ?? keyring.current),
    secrets: keys.map((keys) => ({ version: authSecretVersion(keys), value: authSecretValue(keys) })),
  };
}
