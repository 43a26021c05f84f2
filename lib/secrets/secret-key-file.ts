import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const SECRET_KEY_FILE_ENV = "DRAFTLINE_SECRET_KEY_FILE";
/** Where versions before 0.2 generated the key: inside the data folder, next to the ciphertext. */
export const LEGACY_SECRET_KEY_FILE = "secret.key";

/**
 * Where the generated key lives: DRAFTLINE_SECRET_KEY_FILE, or the user's configuration folder
 * ($XDG_CONFIG_HOME/draftline/secret.key, else ~/.config/draftline/secret.key). Outside the
 * data folder on purpose: a copy of the data alone then holds ciphertext without its key.
 */
export function secretKeyFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[SECRET_KEY_FILE_ENV]?.trim();
  if (configured) return path.resolve(/*turbopackIgnore: true*/ configured);
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const configHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), ".config");
  return path.join(configHome, "draftline", "secret.key");
}

export interface LoadedKeyFile {
  master: Buffer;
  /** The file the key was read from. */
  file: string;
  /** What happened to a key found in the data folder, for the start-up log. */
  notice?: string;
}

/**
 * Reads the key file, generating it (mode 0600, in a folder created 0700) on first use. A key
 * an older version left in the data folder is moved there first; when it cannot be moved it
 * keeps being read where it is, so secrets stay readable either way.
 */
export function loadKeyFile(
  file: string,
  dataDir: string,
  parse: (text: string, source: string) => Buffer,
): LoadedKeyFile {
  const legacy = path.join(dataDir, LEGACY_SECRET_KEY_FILE);
  if (path.resolve(legacy) === path.resolve(file) || !existsSync(legacy)) {
    return { master: readOrCreateKeyFile(file, parse), file };
  }
  const master = parse(readFileSync(legacy, "utf8"), legacy);
  try {
    if (!placeKey(file, master, parse)) {
      return {
        master,
        file: legacy,
        notice: `${file} holds a different key, so the key in the data folder (${legacy}) stays there and is still used. Set ${SECRET_KEY_FILE_ENV}=${legacy} to keep it, or move it elsewhere yourself and point ${SECRET_KEY_FILE_ENV} at it.`,
      };
    }
    unlinkSync(legacy);
  } catch (error) {
    return {
      master,
      file: legacy,
      notice: `The secret key could not be moved out of the data folder to ${file} (${(error as Error).message}); it is still read from ${legacy}.`,
    };
  }
  return { master, file, notice: `Moved the secret key out of the data folder (${legacy}) to ${file}.` };
}

function readOrCreateKeyFile(file: string, parse: (text: string, source: string) => Buffer): Buffer {
  try {
    return parse(readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const generated = randomBytes(32);
  placeKey(file, generated, parse);
  return parse(readFileSync(file, "utf8"), file);
}

/**
 * Writes `master` to `file` unless the file exists; true when the file now holds `master`.
 * Written completely under a temporary name, then linked into place: link never replaces an
 * existing file, so when two processes start at once both end up with the same key.
 */
function placeKey(file: string, master: Buffer, parse: (text: string, source: string) => Buffer): boolean {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temporary, `${master.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return parse(readFileSync(file, "utf8"), file).equals(master);
  } finally {
    unlinkSync(temporary);
  }
}
