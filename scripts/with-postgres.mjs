// Runs a command against a throwaway PostgreSQL server: initdb into a temporary folder,
// start it on a free loopback port, export TEST_DATABASE_URL, then stop and delete it.
// Usage: node scripts/with-postgres.mjs <command> [args…]
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("Usage: node scripts/with-postgres.mjs <command> [args…]");
  process.exit(2);
}

function findBinDir() {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => path.join(root, version, "bin")).find((dir) => existsSync(path.join(dir, "initdb")));
  if (!found) {
    console.error("No PostgreSQL server binaries found (install Debian's postgresql package, or set PG_BIN_DIR).");
    process.exit(1);
  }
  return found;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const binDir = findBinDir();
const isRoot = process.getuid?.() === 0;
const workDir = mkdtempSync(path.join(tmpdir(), "draftline-pg-"));
const dataDir = path.join(workDir, "data");
// PostgreSQL refuses to run as root; as root, run it as the postgres user.
if (isRoot) chownSync(workDir, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
const asServerUser = (binary, binaryArgs) =>
  isRoot ? ["runuser", ["-u", "postgres", "--", path.join(binDir, binary), ...binaryArgs]] : [path.join(binDir, binary), binaryArgs];

function run(binary, binaryArgs) {
  const [file, fileArgs] = asServerUser(binary, binaryArgs);
  execFileSync(file, fileArgs, { stdio: ["ignore", "ignore", "inherit"] });
}

const port = await freePort();
let status = 1;
try {
  run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  run("pg_ctl", ["-D", dataDir, "-w", "-l", path.join(workDir, "server.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -k ${workDir} -F -c max_connections=200`, "start"]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  console.log(`PostgreSQL (${path.basename(path.dirname(binDir))}) on ${url}`);
  // A generated secret key goes into the throwaway folder too, never into the real home.
  const env = { ...process.env, TEST_DATABASE_URL: url, DRAFTLINE_SECRET_KEY_FILE: path.join(workDir, "secret.key") };
  status = spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;
} finally {
  try {
    run("pg_ctl", ["-D", dataDir, "-m", "immediate", "stop"]);
  } catch {
    // Already down; nothing to stop.
  }
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(status);
