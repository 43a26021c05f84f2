import { hkdfSync, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/connect";

/** Separate keys derived from the one master key: one encrypts secrets, one hashes values. */
export interface SecretKeys {
  encryption: Buffer;
  hashing: Buffer;
}

export const SECRET_KEY_ENV = "DRAFTLINE_SECRET_KEY";
export const SECRET_KEY_FILE = "secret.key";

declare global {
  // Loaded once per process (Next evaluates server modules several times); `source` tells
  // whether the configuration changed since, so a new DRAFTLINE_SECRET_KEY takes effect.
  var __draftlineSecretKeys: { source: string; keys: SecretKeys } | undefined;
}

/**
 * The keys for environment secrets. DRAFTLINE_SECRET_KEY (32 bytes, hex or base64) wins;
 * without it a key is generated once into `secret.key` (mode 0600) in the data folder, which
 * suits one machine with its embedded database. With a shared database server in production
 * every instance must use the same key, so there DRAFTLINE_SECRET_KEY is required.
 */
export function getSecretKeys(): SecretKeys {
  const configured = process.env[SECRET_KEY_ENV]?.trim();
  const file = path.join(dataDir(), SECRET_KEY_FILE);
  const source = configured ? `env:${configured}` : `file:${file}`;
  const cached = globalThis.__draftlineSecretKeys;
  if (cached?.source === source) return cached.keys;

  let master: Buffer;
  if (configured) {
    master = parseSecretKey(configured, SECRET_KEY_ENV);
  } else {
    if (process.env.NODE_ENV === "production" && process.env.DATABASE_URL) {
      throw new Error(
        `Set ${SECRET_KEY_ENV} (for example to the output of "openssl rand -base64 32"): with a database server, every app instance must encrypt secrets with the same key.`,
      );
    }
    master = readOrCreateKeyFile(file);
  }
  const keys = deriveSecretKeys(master);
  globalThis.__draftlineSecretKeys = { source, keys };
  return keys;
}

export function deriveSecretKeys(master: Buffer): SecretKeys {
  const derive = (purpose: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `draftline ${purpose}`, 32));
  return { encryption: derive("secret encryption v1"), hashing: derive("setting value hash v1") };
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

function readOrCreateKeyFile(file: string): Buffer {
  try {
    return parseSecretKey(readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  // Written completely under a temporary name, then linked into place: link never replaces
  // an existing file, so when two processes start at once both end up with the same key.
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temporary, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temporary);
  }
  return parseSecretKey(readFileSync(file, "utf8"), file);
}
