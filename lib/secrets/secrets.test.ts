import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decryptSecret, SecretDecryptionError } from "./decrypt-secret";
import { encryptSecret } from "./encrypt-secret";
import { hashSettingValue } from "./hash-setting-value";
import { maskSecret } from "./mask-secret";
import { deriveSecretKeys, describeSecretKey, getSecretKeys, parseSecretKey, SECRET_KEY_ENV } from "./secret-key";
import { SECRET_KEY_FILE_ENV } from "./secret-key-file";

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
  // Never the real home: HOME and XDG_CONFIG_HOME point into a temporary folder.
  let folder: string;
  let dataDir: string;
  let configHome: string;
  let keyFile: string;
  let legacyFile: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), "draftline-secrets-"));
    dataDir = path.join(folder, "data");
    configHome = path.join(folder, "config");
    keyFile = path.join(configHome, "draftline", "secret.key");
    legacyFile = path.join(dataDir, "secret.key");
    vi.stubEnv("DRAFTLINE_DATA_DIR", dataDir);
    vi.stubEnv("HOME", path.join(folder, "home"));
    vi.stubEnv("XDG_CONFIG_HOME", configHome);
    vi.stubEnv(SECRET_KEY_ENV, "");
    vi.stubEnv(SECRET_KEY_FILE_ENV, "");
    globalThis.__draftlineSecretKeys = undefined;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    globalThis.__draftlineSecretKeys = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  const asNewProcess = () => (globalThis.__draftlineSecretKeys = undefined);
  const readKey = (file: string) => parseSecretKey(readFileSync(file, "utf8"), file);
  const writeKey = (file: string, master: Buffer) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${master.toString("base64")}\n`, { mode: 0o600 });
  };

  it("uses DRAFTLINE_SECRET_KEY when set", () => {
    const master = randomBytes(32);
    vi.stubEnv(SECRET_KEY_ENV, master.toString("hex"));
    expect(getSecretKeys()).toEqual(deriveSecretKeys(master));
    expect(describeSecretKey()).toBe("Environment secrets are encrypted with the key in DRAFTLINE_SECRET_KEY.");
  });

  it("refuses a malformed DRAFTLINE_SECRET_KEY instead of falling back to a file", () => {
    vi.stubEnv(SECRET_KEY_ENV, "too-short");
    expect(() => getSecretKeys()).toThrow(/^DRAFTLINE_SECRET_KEY must be 32 random bytes/);
  });

  it("creates the key in $XDG_CONFIG_HOME/draftline (folder 0700, file 0600), never in the data folder, and reuses it", () => {
    const first = getSecretKeys();
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(keyFile)).mode & 0o777).toBe(0o700);
    expect(deriveSecretKeys(readKey(keyFile))).toEqual(first);
    expect(existsSync(dataDir)).toBe(false);
    expect(describeSecretKey()).toBe(
      `Environment secrets are encrypted with the key in ${keyFile}. Back it up, apart from the data folder: without it the secrets cannot be decrypted, and kept apart a copy of the data does not reveal them.`,
    );

    asNewProcess();
    expect(getSecretKeys()).toEqual(first);
    expect(readdirSync(path.dirname(keyFile))).toEqual(["secret.key"]);
  });

  it("uses ~/.config/draftline without XDG_CONFIG_HOME", () => {
    vi.stubEnv("XDG_CONFIG_HOME", "");
    const keys = getSecretKeys();
    expect(deriveSecretKeys(readKey(path.join(folder, "home", ".config", "draftline", "secret.key")))).toEqual(keys);
  });

  it("uses DRAFTLINE_SECRET_KEY_FILE when set", () => {
    const file = path.join(folder, "elsewhere", "draftline.key");
    vi.stubEnv(SECRET_KEY_FILE_ENV, file);
    const keys = getSecretKeys();
    expect(deriveSecretKeys(readKey(file))).toEqual(keys);
    expect(existsSync(keyFile)).toBe(false);
  });

  it("moves a key left in the data folder out of it, keeping the same key", () => {
    const master = randomBytes(32);
    writeKey(legacyFile, master);
    expect(getSecretKeys()).toEqual(deriveSecretKeys(master));
    expect(existsSync(legacyFile)).toBe(false);
    expect(readKey(keyFile).equals(master)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(describeSecretKey()).toMatch(new RegExp(`^Moved the secret key out of the data folder \\(${legacyFile}\\) to ${keyFile}\\.\\n`));

    asNewProcess();
    expect(getSecretKeys()).toEqual(deriveSecretKeys(master));
  });

  it("keeps reading the key in the data folder when it cannot be moved", () => {
    const master = randomBytes(32);
    writeKey(legacyFile, master);
    writeFileSync(configHome, "a file where the configuration folder should be");
    expect(getSecretKeys()).toEqual(deriveSecretKeys(master));
    expect(readKey(legacyFile).equals(master)).toBe(true);
    expect(describeSecretKey()).toMatch(
      new RegExp(`^The secret key could not be moved out of the data folder to ${keyFile} \\(.+\\); it is still read from ${legacyFile}\\.\\n`),
    );
  });

  it("keeps reading the key in the data folder when the key file holds a different one", () => {
    const legacy = randomBytes(32);
    const other = randomBytes(32);
    writeKey(legacyFile, legacy);
    writeKey(keyFile, other);
    expect(getSecretKeys()).toEqual(deriveSecretKeys(legacy));
    expect(readKey(legacyFile).equals(legacy)).toBe(true);
    expect(readKey(keyFile).equals(other)).toBe(true);
    expect(describeSecretKey()).toContain(`${keyFile} holds a different key, so the key in the data folder (${legacyFile}) stays there and is still used.`);
  });

  it("drops the copy in the data folder when the key file already holds the same key", () => {
    const master = randomBytes(32);
    writeKey(legacyFile, master);
    writeKey(keyFile, master);
    expect(getSecretKeys()).toEqual(deriveSecretKeys(master));
    expect(existsSync(legacyFile)).toBe(false);
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
    mkdirSync(path.dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, "not a key\n");
    expect(() => getSecretKeys()).toThrow(`${keyFile} must be 32 random bytes`);
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
      expect(encoded).toMatch(new RegExp(`^v2\\.${keys.id}\\.[\\w-]{16}\\.[\\w-]{22}\\.[\\w-]+$`));
      expect(encoded).not.toContain(plaintext);
      expect(encoded).not.toContain(Buffer.from(plaintext).toString("base64url").slice(0, 8));
    }
  });

  it("fails clearly with a wrong key", () => {
    const encrypted = encryptSecret("sk_live_51HxYz0123456789", "ctx", keys);
    expect(() => decryptSecret(encrypted, "ctx", otherKeys)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(encrypted, "ctx", otherKeys)).toThrow(
      /cannot be decrypted with the current secret key \(DRAFTLINE_SECRET_KEY, or the key file named in the start-up log\): the key changed/,
    );
  });

  it("refuses a ciphertext moved to another setting or environment", () => {
    const encrypted = encryptSecret("value", "env-1\u0000TOKEN", keys);
    expect(() => decryptSecret(encrypted, "env-2\u0000TOKEN", keys)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(encrypted, "env-1\u0000OTHER", keys)).toThrow(SecretDecryptionError);
  });

  it("refuses an altered ciphertext and a damaged format", () => {
    const encrypted = encryptSecret("value 1234", "ctx", keys);
    const [version, keyId, iv, tag, ciphertext] = encrypted.split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0]! ^= 1;
    expect(() => decryptSecret([version, keyId, iv, tag, flipped.toString("base64url")].join("."), "ctx", keys)).toThrow(
      SecretDecryptionError,
    );
    for (const damaged of ["", "plain text", `v3.${iv}.${tag}.${ciphertext}`, `v1.${iv}.${tag}`, `${encrypted}.extra`]) {
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
