// Starts `next start` on a fresh embedded database so every end-to-end run begins from the
// seeded sample project (and members.spec's own project, e2e/seed-people.ts) and never touches
// the developer's own data folder or secret key.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = process.argv[2] ?? "3210";
const workDir = mkdtempSync(path.join(tmpdir(), "draftline-e2e-"));
const seeded = spawnSync("npx", ["tsx", "e2e/seed-people.ts", path.join(workDir, "data")], { stdio: "inherit" });
if (seeded.status !== 0) {
  rmSync(workDir, { recursive: true, force: true });
  process.exit(seeded.status ?? 1);
}
const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DRAFTLINE_DATA_DIR: path.join(workDir, "data"),
    DRAFTLINE_SECRET_KEY_FILE: path.join(workDir, "config", "secret.key"),
    DATABASE_URL: "",
  },
});

function stop() {
  server.kill("SIGTERM");
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  rmSync(workDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
