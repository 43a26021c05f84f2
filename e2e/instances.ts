import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import type { BrowserContextOptions } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPostgres } from "../scripts/postgres.mjs";
import { BASE_URL } from "./base-url";
import { test as base } from "./fixtures";

/**
 * Two production servers (`next start` of the one build) sharing a throwaway PostgreSQL
 * server, as a team scales out: the same DATABASE_URL, the same DRAFTLINE_SECRET_KEY. They
 * listen on the two ports after the main end-to-end server's, and start at the same moment,
 * so they also race to migrate and seed the empty database.
 */
const basePort = Number(new URL(BASE_URL).port);
export const INSTANCE_URLS = [1, 2].map((offset) => `http://127.0.0.1:${basePort + offset}`) as [string, string];

const STARTUP_LIMIT_MS = 90_000;

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

export interface Instances {
  /** The demo admin, signed in on both instances. */
  storageState: StorageState;
  urls: [string, string];
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startInstances(): Promise<Instances> {
  const postgres = await startPostgres();
  const workDir = mkdtempSync(path.join(tmpdir(), "draftline-instances-"));
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const env = {
    ...process.env,
    DATABASE_URL: postgres.url,
    DRAFTLINE_SECRET_KEY: randomBytes(32).toString("hex"),
    DRAFTLINE_DATA_DIR: path.join(workDir, "data"),
  };
  const servers: ChildProcess[] = INSTANCE_URLS.map((url) =>
    // A long keep-alive, as e2e/start-server.mjs explains.
    spawn(process.execPath, [nextBin, "start", "-p", new URL(url).port, "-H", "127.0.0.1", "--keepAliveTimeout", "300000"], { env, stdio: ["ignore", "inherit", "inherit"] }),
  );
  const stop = async () => {
    await Promise.all(servers.map(stopServer));
    postgres.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await Promise.all(INSTANCE_URLS.map((url, index) => waitUntilHealthy(url, servers[index]!)));
    const seeded = spawnSync("npx", ["tsx", "scripts/seed.ts", "--demo-users"], { env, stdio: "inherit" });
    if (seeded.status !== 0) throw new Error("Seeding the demo accounts into the instances' database failed.");
    return { urls: INSTANCE_URLS, databaseUrl: postgres.url, stop, storageState: await signInAsAdmin(INSTANCE_URLS[0]) };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Signs the demo admin in through one instance. Sessions live in the shared database, and
 * cookies ignore ports, so the same browser state is signed in on both.
 */
async function signInAsAdmin(url: string): Promise<StorageState> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password }),
  });
  if (!response.ok) throw new Error(`Signing in on ${url} failed with ${response.status}: ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((header) => {
    const [pair = ""] = header.split(";");
    const separator = pair.indexOf("=");
    return {
      name: pair.slice(0, separator),
      value: pair.slice(separator + 1),
      domain: "127.0.0.1",
      path: "/",
      expires: -1,
      httpOnly: true,
      secure: false,
      sameSite: "Lax" as const,
    };
  });
  return { cookies, origins: [] };
}

async function waitUntilHealthy(url: string, server: ChildProcess) {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server for ${url} exited with ${server.exitCode} while starting.`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server for ${url} did not answer /api/health within ${STARTUP_LIMIT_MS / 1000} s.`);
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
}

/** The end-to-end fixtures, plus both instances for the whole worker: started once, stopped after its last test. */
export const test = base.extend<object, { instances: Instances }>({
  // Every page and request of these tests is the demo admin's, signed in on the instances' database.
  storageState: async ({ instances }, use) => use(instances.storageState),
  instances: [
    async ({}, use) => {
      const instances = await startInstances();
      try {
        await use(instances);
      } finally {
        await instances.stop();
      }
    },
    { scope: "worker", timeout: STARTUP_LIMIT_MS + 30_000 },
  ],
});

export { expect } from "./fixtures";
