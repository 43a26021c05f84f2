import { hkdfSync } from "node:crypto";
import { dataDir } from "@/lib/db/connect";
import { loadKeyFile, secretKeyFilePath } from "./secret-key-file";

/** Separate keys derived from the one master key: one encrypts secrets, one hashes values, one signs sessions. */
export interface SecretKeys {
  /**
   * A short public name of the master key (8 hex digits, derived one-way from it), stored
   * with what the key encrypts so a reader knows which key opens it. Reveals nothing of the key.
   */
  id: string;
  encryption: Buffer;
  hashing: Buffer;
  /** Better Auth's secret: signs session cookies and encrypts what it stores encrypted. */
  authentication: Buffer;
}

export const SECRET_KEY_ENV = "DRAFTLINE_SECRET_KEY";
/** During a rotation: the key the data was saved under, still read until `npm run rotate-secret-key` is done. */
export const PREVIOUS_SECRET_KEY_ENV = "DRAFTLINE_PREVIOUS_SECRET_KEY";

/** The key new writes use and, during a rotation, the key older values were saved under. */
export interface SecretKeyring {
  current: SecretKeys;
  previous: SecretKeys | null;
}

interface LoadedSecretKeys {
  /** The configuration the keys were loaded under: a change (a new DRAFTLINE_SECRET_KEY) reloads. */
  source: string;
  keys: SecretKeys;
  previous: SecretKeys | null;
  /** DRAFTLINE_SECRET_KEY, or the file the key was read from. */
  location: string;
  /** What loading did that the start-up log should tell (a key moved out of the data folder). */
  notice?: string;
}

declare global {
  // Loaded once per process: Next evaluates server modules several times.
  var __draftlineSecretKeys: LoadedSecretKeys | undefined;
}

/**
 * The keys for environment secrets. DRAFTLINE_SECRET_KEY (32 bytes, hex or base64) wins;
 * without it a key is generated once into a file outside the data folder (see
 * secretKeyFilePath), which suits one machine with its embedded database. With a shared
 * database server in production every instance must use the same key, so there
 * DRAFTLINE_SECRET_KEY is required.
 */
export function getSecretKeys(): SecretKeys {
  return loadSecretKeys().keys;
}

/** The current keys and, while DRAFTLINE_PREVIOUS_SECRET_KEY is set, the previous ones: what reads try. */
export function getSecretKeyring(): SecretKeyring {
  const loaded = loadSecretKeys();
  return { current: loaded.keys, previous: loaded.previous };
}

/** For the start-up log: where the key is and why it must be backed up apart from the data. */
export function describeSecretKey(): string {
  const loaded = loadSecretKeys();
  const rotating = loaded.previous
    ? `\nRotating from key ${loaded.previous.id} (${PREVIOUS_SECRET_KEY_ENV}) to key ${loaded.keys.id}: values saved under either stay readable. Run "npm run rotate-secret-key", then remove ${PREVIOUS_SECRET_KEY_ENV}.`
    : "";
  if (loaded.location === SECRET_KEY_ENV) return `Environment secrets are encrypted with the key in ${SECRET_KEY_ENV}.${rotating}`;
  const where = `Environment secrets are encrypted with the key in ${loaded.location}. Back it up, apart from the data folder: without it the secrets cannot be decrypted, and kept apart a copy of the data does not reveal them.`;
  return (loaded.notice ? `${loaded.notice}\n${where}` : where) + rotating;
}

function loadSecretKeys(): LoadedSecretKeys {
  const configured = process.env[SECRET_KEY_ENV]?.trim();
  const configuredPrevious = process.env[PREVIOUS_SECRET_KEY_ENV]?.trim();
  const file = secretKeyFilePath();
  const source = `${configured ? `env:${configured}` : `file:${file}:${dataDir()}`}|previous:${configuredPrevious ?? ""}`;
  const cached = globalThis.__draftlineSecretKeys;
  if (cached?.source === source) return cached;

  let loaded: Omit<LoadedSecretKeys, "previous">;
  if (configured) {
    loaded = { source, keys: deriveSecretKeys(parseSecretKey(configured, SECRET_KEY_ENV)), location: SECRET_KEY_ENV };
  } else {
    if (process.env.NODE_ENV === "production" && process.env.DATABASE_URL) {
      throw new Error(
        `Set ${SECRET_KEY_ENV} (for example to the output of "openssl rand -base64 32"): with a database server, every app instance must encrypt secrets with the same key.`,
      );
    }
    const keyFile = loadKeyFile(file, dataDir(), parseSecretKey);
    loaded = { source, keys: deriveSecretKeys(keyFile.master), location: keyFile.file, notice: keyFile.notice };
  }
  const previous = configuredPrevious ? deriveSecretKeys(parseSecretKey(configuredPrevious, PREVIOUS_SECRET_KEY_ENV)) : null;
  // The same key twice is no rotation: nothing is left to read under another key.
  const withPrevious = { ...loaded, previous: previous && previous.id !== loaded.keys.id ? previous : null };
  globalThis.__draftlineSecretKeys = withPrevious;
  return withPrevious;
}

export function deriveSecretKeys(master: Buffer): SecretKeys {
  const derive = (purpose: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `draftline ${purpose}`, 32));
  return {
    id: derive("key id v1").subarray(0, 4).toString("hex"),
    encryption: derive("secret encryption v1"),
    hashing: derive("setting value hash v1"),
    authentication: derive("sign-in sessions v1"),
  };
}

/** 32 bytes written as 64 hex digits or as base64 (standard or URL-safe); never echoes the key. */
export function parseSecretKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)
      ? Buffer.from(trimmed, "base64")
      : undefined;
  if (bytes?.length !== 32) {
    const found = bytes ? `it decodes to ${bytes.length} bytes` : "it is neither hex nor base64";
    throw new Error(
      `${source} must be 32 random bytes written as 64 hex digits or as base64 (for example the output of "openssl rand -base64 32"); ${found}.`,
    );
  }
  return bytes;
}
