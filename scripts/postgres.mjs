// A throwaway PostgreSQL server from Debian's binaries: initdb into a temporary folder, start
// it on a free loopback port; stop() shuts it down and deletes the folder. Used by
// with-postgres.mjs (the integration suite) and the end-to-end test of several app instances.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

function findBinDir() {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => path.join(root, version, "bin")).find((dir) => existsSync(path.join(dir, "initdb")));
  if (!found) throw new Error("No PostgreSQL server binaries found (install Debian's postgresql package, or set PG_BIN_DIR).");
  return found;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres() {
  const binDir = findBinDir();
  const isRoot = process.getuid?.() === 0;
  const workDir = mkdtempSync(path.join(tmpdir(), "draftline-pg-"));
  const dataDir = path.join(workDir, "data");
  // PostgreSQL refuses to run as root; as root, run it as the postgres user.
  if (isRoot) chownSync(workDir, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
  const run = (binary, binaryArgs) => {
    const [file, fileArgs] = isRoot ? ["runuser", ["-u", "postgres", "--", path.join(binDir, binary), ...binaryArgs]] : [path.join(binDir, binary), binaryArgs];
    execFileSync(file, fileArgs, { stdio: ["ignore", "ignore", "inherit"] });
  };
  const stop = () => {
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "stop"]);
    } catch {
      // Already down, or never started; nothing to stop.
    }
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    const port = await freePort();
    run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
    run("pg_ctl", ["-D", dataDir, "-w", "-l", path.join(workDir, "server.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -k ${workDir} -F -c max_connections=200`, "start"]);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version: path.basename(path.dirname(binDir)), workDir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
