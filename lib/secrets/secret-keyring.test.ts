import { createCipheriv, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authSecrets, authSecretValue, authSecretVersion } from "@/lib/auth/auth-secrets";
import { decryptSecret, openSecret, secretKeyIdOf, SecretDecryptionError } from "./decrypt-secret";
import { encryptSecret } from "./encrypt-secret";
import { deriveSecretKeys, describeSecretKey, getSecretKeyring, PREVIOUS_SECRET_KEY_ENV, SECRET_KEY_ENV, type SecretKeys } from "./secret-key";

const oldMaster = randomBytes(32);
const newMaster = randomBytes(32);
const oldKeys = deriveSecretKeys(oldMaster);
const newKeys = deriveSecretKeys(newMaster);
const rotating = { current: newKeys, previous: oldKeys };

/** A secret as versions before key ids wrote it: `v1.<iv>.<tag>.<ciphertext>`. */
function encryptV1(plaintext: string, context: string, keys: SecretKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.encryption, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

afterEach(() => {
  vi.unstubAllEnvs();
  globalThis.__draftlineSecretKeys = undefined;
});

describe("key ids", () => {
  it("are 8 hex digits, the same for the same master key and different for another", () => {
    expect(newKeys.id).toMatch(/^[0-9a-f]{8}$/);
    expect(deriveSecretKeys(Buffer.from(newMaster)).id).toBe(newKeys.id);
    expect(oldKeys.id).not.toBe(newKeys.id);
  });

  it("are named by what they encrypt, authenticated with it", () => {
    const encrypted = encryptSecret("token", "ctx", newKeys);
    expect(secretKeyIdOf(encrypted)).toBe(newKeys.id);
    expect(secretKeyIdOf(encryptV1("token", "ctx", newKeys))).toBeNull();
    const renamed = encrypted.replace(`.${newKeys.id}.`, `.${oldKeys.id}.`);
    expect(() => decryptSecret(renamed, "ctx", rotating)).toThrow(SecretDecryptionError);
  });
});

describe("reading during a rotation", () => {
  it("opens values saved under either key, each with the key it names, and v1 values with whichever opens them", () => {
    const underOld = encryptSecret("old token", "ctx", oldKeys);
    const underNew = encryptSecret("new token", "ctx", newKeys);
    expect(openSecret(underOld, "ctx", rotating)).toEqual({ plaintext: "old token", keys: oldKeys });
    expect(openSecret(underNew, "ctx", rotating)).toEqual({ plaintext: "new token", keys: newKeys });
    expect(openSecret(encryptV1("legacy old", "ctx", oldKeys), "ctx", rotating)).toEqual({ plaintext: "legacy old", keys: oldKeys });
    expect(openSecret(encryptV1("legacy new", "ctx", newKeys), "ctx", rotating)).toEqual({ plaintext: "legacy new", keys: newKeys });
  });

  it("without the previous key, refuses a value saved under it, naming that key", () => {
    const underOld = encryptSecret("old token", "ctx", oldKeys);
    expect(() => decryptSecret(underOld, "ctx", newKeys)).toThrow(
      `the key changed since the secret was saved (it was saved under key ${oldKeys.id}: during a key rotation, set DRAFTLINE_PREVIOUS_SECRET_KEY to that key)`,
    );
    expect(() => decryptSecret(encryptV1("legacy", "ctx", oldKeys), "ctx", newKeys)).toThrow(SecretDecryptionError);
  });

  it("reads DRAFTLINE_PREVIOUS_SECRET_KEY beside DRAFTLINE_SECRET_KEY, and says so at start-up", () => {
    vi.stubEnv(SECRET_KEY_ENV, newMaster.toString("base64"));
    vi.stubEnv(PREVIOUS_SECRET_KEY_ENV, oldMaster.toString("hex"));
    expect(getSecretKeyring()).toEqual(rotating);
    expect(describeSecretKey()).toContain(`Rotating from key ${oldKeys.id} (DRAFTLINE_PREVIOUS_SECRET_KEY) to key ${newKeys.id}`);

    vi.stubEnv(PREVIOUS_SECRET_KEY_ENV, newMaster.toString("base64"));
    expect(getSecretKeyring()).toEqual({ current: newKeys, previous: null });
    vi.stubEnv(PREVIOUS_SECRET_KEY_ENV, "");
    expect(getSecretKeyring()).toEqual({ current: newKeys, previous: null });
    expect(describeSecretKey()).not.toContain("Rotating");
  });

  it("refuses a malformed DRAFTLINE_PREVIOUS_SECRET_KEY by its name", () => {
    vi.stubEnv(SECRET_KEY_ENV, newMaster.toString("base64"));
    vi.stubEnv(PREVIOUS_SECRET_KEY_ENV, "not-a-key");
    expect(() => getSecretKeyring()).toThrow(/^DRAFTLINE_PREVIOUS_SECRET_KEY must be 32 random bytes/);
  });

  it("gives Better Auth both keys, the current one first, and the previous one for what it encrypted before versions", () => {
    expect(authSecrets(rotating)).toEqual({
      secret: authSecretValue(oldKeys),
      secrets: [
        { version: authSecretVersion(newKeys), value: authSecretValue(newKeys) },
        { version: authSecretVersion(oldKeys), value: authSecretValue(oldKeys) },
      ],
    });
    expect(authSecrets({ current: newKeys, previous: null })).toEqual({
      secret: authSecretValue(newKeys),
      secrets: [{ version: authSecretVersion(newKeys), value: authSecretValue(newKeys) }],
    });
  });
});
