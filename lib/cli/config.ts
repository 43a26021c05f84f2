import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { CliError } from "./errors";

/** Where `draftline login` keeps the server and token: the user's config directory, readable by them alone. */
export interface Login {
  server: string;
  token: string;
}

export function configDir(): string {
  if (process.env.DRAFTLINE_CONFIG_DIR) return process.env.DRAFTLINE_CONFIG_DIR;
  const base = process.env.XDG_CONFIG_HOME || (process.platform === "win32" ? process.env.APPDATA : undefined) || path.join(homedir(), ".config");
  return path.join(base, "draftline");
}

const configFile = () => path.join(configDir(), "config.json");

export async function saveLogin(login: Login): Promise<string> {
  const file = configFile();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  // writeFile's mode applies only to a new file: an older one keeps its permissions otherwise.
  await chmod(file, 0o600);
  return file;
}

export async function forgetLogin(): Promise<void> {
  await rm(configFile(), { force: true });
}

/**
 * The login to use: DRAFTLINE_SERVER and DRAFTLINE_TOKEN when set (CI pipelines), else what
 * `draftline login` stored.
 */
export async function loadLogin(): Promise<Login> {
  const fromEnvironment = { server: process.env.DRAFTLINE_SERVER, token: process.env.DRAFTLINE_TOKEN };
  let stored: Partial<Login> = {};
  try {
    stored = JSON.parse(await readFile(configFile(), "utf8")) as Partial<Login>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new CliError(`Cannot read ${configFile()}: ${(error as Error).message}`);
  }
  const server = fromEnvironment.server || stored.server;
  const token = fromEnvironment.token || stored.token;
  if (!server || !token) throw new CliError("Not logged in: run `draftline login --server <url>` with a token from your account page (or set DRAFTLINE_SERVER and DRAFTLINE_TOKEN).");
  return { server, token };
}

/** `http://host:port` without a trailing slash or path; refuses what is not an http(s) URL. */
export function normalizeServer(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new CliError(`"${input}" is not a URL: give the server's address, such as http://localhost:3000.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new CliError(`"${input}" is not an http or https address.`);
  return url.origin;
}
