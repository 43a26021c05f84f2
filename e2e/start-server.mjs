// Starts `next start` on a fresh embedded database so every end-to-end run begins from the
// seeded sample project (and members.spec's own project, e2e/seed-people.ts) and never touches
// the developer's own data folder or secret key.
// The database is seeded first with the owner and one demo account per role (the setup
// project signs each in once); `--fresh` leaves it without accounts, as a new install is, for
// the first-start test, and keeps the sign-in rate limit at its default.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = process.argv[2] ?? "3210";
const fresh = process.argv.includes("--fresh");
const workDir = mkdtempSync(path.join(tmpdir(), "draftline-e2e-"));
const env = {
  ...process.env,
  DRAFTLINE_DATA_DIR: path.join(workDir, "data"),
  DRAFTLINE_SECRET_KEY_FILE: path.join(workDir, "config", "secret.key"),
  DATABASE_URL: "",
  // Every spec signs in through storage states, but the auth specs try wrong passwords too.
  ...(fresh ? {} : { DRAFTLINE_SIGN_IN_ATTEMPTS: "1000" }),
};

if (!fresh) {
  for (const seed of [["scripts/seed.ts", "--demo-users"], ["e2e/seed-people.ts", path.join(workDir, "data")]]) {
    const seeded = spawnSync("npx", ["tsx", ...seed], { stdio: "inherit", env });
    if (seeded.status !== 0) {
      rmSync(workDir, { recursive: true, force: true });
      process.exit(seeded.status ?? 1);
    }
  }
}

// Node closes a connection idle for 5 s by default. Playwright's request client can reuse one at
// the moment the server closes it and fail with "socket hang up" (ECONNRESET), where a browser
// would retry: under load, 2 of 25 runs of a test whose requests pause about 5 s did. Idle
// connections are kept for longer than any test here runs.
const KEEP_ALIVE_MS = "300000";
const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1", "--keepAliveTimeout", KEEP_ALIVE_MS], { stdio: "inherit", env });

function stop() {
  server.kill("SIGTERM");
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  rmSync(workDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
