import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decryptSecret, SecretDecryptionError } from "./decrypt-secret";
import { encryptSecret } from "./encrypt-secret";
import { hashSettingValue } from "./hash-setting-value";
import { maskSecret } from "./mask-secret";
import { deriveSecretKeys, getSecretKeys, parseSecretKey, SECRET_KEY_ENV, SECRET_KEY_FILE } from "./secret-key";

const keys = deriveSecretKeys(randomBytes(32));
const otherKeys = deriveSecretKeys(randomBytes(32));

describe("parseSecretKey", () => {
  const bytes = randomBytes(32);

  it.each([
    ["hex", bytes.toString("hex")],
    ["upper-case hex", bytes.toString("hex").toUpperCase()],
    ["base64", bytes.toString("base64")],
    ["URL-safe base64", bytes.toString("base64url")],
    ["base64 with surrounding whitespace", `  ${bytes.toString("base64")}\n`],
  ])("reads %s", (_label, text) => {
    expect(parseSecretKey(text, SECRET_KEY_ENV).equals(bytes)).toBe(true);
  });

  it.each([
    ["16 bytes", randomBytes(16).toString("base64"), "it decodes to 16 bytes"],
    ["33 bytes of hex", randomBytes(33).toString("hex"), "it decodes to 49 bytes"],
    ["a passphrase", "correct horse battery staple", "it is neither hex nor base64"],
    ["empty", "", "it is neither hex nor base64"],
  ])("refuses %s with a clear message that does not repeat the key", (_label, text, reason) => {
    expect(() => parseSecretKey(text, SECRET_KEY_ENV)).toThrow(
      `DRAFTLINE_SECRET_KEY must be 32 random bytes written as 64 hex digits or as base64 (for example the output of "openssl rand -base64 32"); ${reason}.`,
    );
  });
});

describe("getSecretKeys", () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), "draftline-secrets-"));
    vi.stubEnv("DRAFTLINE_DATA_DIR", path.join(folder, "data"));
    vi.stubEnv(SECRET_KEY_ENV, "");
    globalThis.__draftlineSecretKeys = undefined;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    globalThis.__draftlineSecretKeys = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  it("uses DRAFTLINE_SECRET_KEY when set", () => {
    const master = randomBytes(32);
    vi.stubEnv(SECRET_KEY_ENV, master.toString("hex"));
    expect(getSecretKeys()).toEqual(deriveSecretKeys(master));
  });

  it("refuses a malformed DRAFTLINE_SECRET_KEY instead of falling back to a file", () => {
    vi.stubEnv(SECRET_KEY_ENV, "too-short");
    expect(() => getSecretKeys()).toThrow(/^DRAFTLINE_SECRET_KEY must be 32 random bytes/);
  });

  it("creates secret.key (mode 0600) in the data folder on first use and reuses it", () => {
    const first = getSecretKeys();
    const file = path.join(folder, "data", SECRET_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseSecretKey(readFileSync(file, "utf8"), file)).toHaveLength(32);

    globalThis.__draftlineSecretKeys = undefined; // as in a new process
    expect(getSecretKeys()).toEqual(first);
  });

  it("keeps the loaded key on globalThis, and notices a new DRAFTLINE_SECRET_KEY", () => {
    const fromFile = getSecretKeys();
    expect(globalThis.__draftlineSecretKeys?.keys).toBe(fromFile);
    expect(getSecretKeys()).toBe(fromFile);

    const master = randomBytes(32);
    vi.stubEnv(SECRET_KEY_ENV, master.toString("base64"));
    expect(getSecretKeys()).toEqual(deriveSecretKeys(master));
  });

  it("refuses a damaged key file with a message naming it", () => {
    const file = path.join(folder, SECRET_KEY_FILE);
    vi.stubEnv("DRAFTLINE_DATA_DIR", folder);
    writeFileSync(file, "not a key\n");
    expect(() => getSecretKeys()).toThrow(`${file} must be 32 random bytes`);
  });

  it("requires DRAFTLINE_SECRET_KEY in production with a database server", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "postgres://db.example.com/draftline");
    expect(() => getSecretKeys()).toThrow(/^Set DRAFTLINE_SECRET_KEY/);
  });
});

describe("encryptSecret and decryptSecret", () => {
  it.each([
    ["a token", "sk_live_51HxYz0123456789"],
    ["an empty value", ""],
    ["unicode", "pässwörd 🚀 日本語"],
    ["10,000 characters", "x".repeat(10_000)],
    ["surrounding whitespace", "  secret \n"],
  ])("round-trips %s", (_label, plaintext) => {
    const encrypted = encryptSecret(plaintext, "env-1\u0000TOKEN", keys);
    expect(decryptSecret(encrypted, "env-1\u0000TOKEN", keys)).toBe(plaintext);
  });

  it("never contains the plaintext and differs every time (fresh IV)", () => {
    const plaintext = "sk_live_51HxYz0123456789";
    const first = encryptSecret(plaintext, "ctx", keys);
    const second = encryptSecret(plaintext, "ctx", keys);
    expect(first).not.toBe(second);
    for (const encoded of [first, second]) {
      expect(encoded).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
      expect(encoded).not.toContain(plaintext);
      expect(encoded).not.toContain(Buffer.from(plaintext).toString("base64url").slice(0, 8));
    }
  });

  it("fails clearly with a wrong key", () => {
    const encrypted = encryptSecret("sk_live_51HxYz0123456789", "ctx", keys);
    expect(() => decryptSecret(encrypted, "ctx", otherKeys)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(encrypted, "ctx", otherKeys)).toThrow(
      /cannot be decrypted with the current secret key \(DRAFTLINE_SECRET_KEY, or secret\.key in the data folder\): the key changed/,
    );
  });

  it("refuses a ciphertext moved to another setting or environment", () => {
    const encrypted = encryptSecret("value", "env-1\u0000TOKEN", keys);
    expect(() => decryptSecret(encrypted, "env-2\u0000TOKEN", keys)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(encrypted, "env-1\u0000OTHER", keys)).toThrow(SecretDecryptionError);
  });

  it("refuses an altered ciphertext and a damaged format", () => {
    const encrypted = encryptSecret("value 1234", "ctx", keys);
    const [version, iv, tag, ciphertext] = encrypted.split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0]! ^= 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64url")].join("."), "ctx", keys)).toThrow(
      SecretDecryptionError,
    );
    for (const damaged of ["", "plain text", `v2.${iv}.${tag}.${ciphertext}`, `${encrypted}.extra`]) {
      expect(() => decryptSecret(damaged, "ctx", keys)).toThrow("A stored secret is damaged");
    }
  });
});

describe("maskSecret", () => {
  it.each([
    ["sk_live_51HxYz0123456789", "••••••6789"],
    ["123456789012", "••••••9012"],
    ["12345678901", "••••••"],
    ["abcd", "••••••"],
    ["", "••••••"],
    ["token-with-emoji-🚀🚀🚀🚀", "••••••🚀🚀🚀🚀"],
  ])("masks %j as %j", (secret, masked) => {
    expect(maskSecret(secret)).toBe(masked);
  });

  it("shows at most the last 4 characters and never the length", () => {
    const secret = "a-very-long-secret-value-".repeat(40) + "WXYZ";
    expect(maskSecret(secret)).toBe("••••••WXYZ");
  });
});

describe("hashSettingValue", () => {
  it("is 64 hex digits, stable for one key and context", () => {
    const hash = hashSettingValue("value", "env-1\u0000URL", keys);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSettingValue("value", "env-1\u0000URL", keys)).toBe(hash);
  });

  it("differs for another value, context or key, so equal values do not show as equal", () => {
    const hash = hashSettingValue("value", "env-1\u0000URL", keys);
    expect(hashSettingValue("value2", "env-1\u0000URL", keys)).not.toBe(hash);
    expect(hashSettingValue("value", "env-2\u0000URL", keys)).not.toBe(hash);
    expect(hashSettingValue("value", "env-1\u0000URL2", keys)).not.toBe(hash);
    expect(hashSettingValue("value", "env-1\u0000URL", otherKeys)).not.toBe(hash);
  });
});
