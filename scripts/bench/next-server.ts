// The production server the server-side benchmarks talk to: `next start` of the build in
// .next (made first when there is none) on a database the caller prepared.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { log } from "./timing";

export interface NextServer {
  baseUrl: string;
  /** The server's process group: npx, next and anything next starts. */
  processGroup: number;
  stop(): Promise<void>;
}

/** Reuses the production build in place; builds one first when there is none. */
export function ensureBuild() {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (existsSync(path.join(distDir, "BUILD_ID"))) return;
  log(`no production build in ${distDir}: running next build…`);
  const build = spawnSync("npx", ["next", "build"], { stdio: ["ignore", process.stderr, process.stderr] });
  if (build.status !== 0) throw new Error("next build failed");
}

/**
 * `next start` on 127.0.0.1 (port BENCH_PORT, else a free one) with the data folder
 * `dataDir` and, when given, the PostgreSQL database `databaseUrl`; resolves once /api/health answers.
 * A fresh secret key each time keeps the bench out of the person's own key file.
 */
export async function startNextServer(options: { dataDir: string; databaseUrl?: string; env?: Record<string, string> }): Promise<NextServer> {
  ensureBuild();
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DRAFTLINE_DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl ?? "",
      DRAFTLINE_SECRET_KEY: randomBytes(32).toString("hex"),
      ...options.env,
    },
    stdio: ["ignore", "ignore", process.stderr],
    detached: true,
  });
  const running: NextServer = { baseUrl: `http://127.0.0.1:${port}`, processGroup: server.pid!, stop: () => stopServer(server) };
  try {
    await waitForHealth(running.baseUrl, server);
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  // npx runs next in a child of its own: the whole process group goes.
  process.kill(-server.pid, "SIGTERM");
  await exited;
}

async function waitForHealth(baseUrl: string, server: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("next start did not answer /api/health within 2 minutes");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Signs `email` in through Better Auth's endpoint, as the sign-in page does (with the app's
 * Origin), and returns the Cookie header that carries the new session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Signing ${email} in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .join("; ");
}
