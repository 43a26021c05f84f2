// Runs a command against a throwaway PostgreSQL server (see postgres.mjs) with
// TEST_DATABASE_URL set to it, then stops and deletes the server.
// Usage: node scripts/with-postgres.mjs <command> [args…]
import { spawnSync } from "node:child_process";
import path from "node:path";
import { startPostgres } from "./postgres.mjs";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("Usage: node scripts/with-postgres.mjs <command> [args…]");
  process.exit(2);
}

let server;
try {
  server = await startPostgres();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
let status = 1;
try {
  console.log(`PostgreSQL (${server.version}) on ${server.url}`);
  // A generated secret key goes into the throwaway folder too, never into the real home.
  const env = { ...process.env, TEST_DATABASE_URL: server.url, DRAFTLINE_SECRET_KEY_FILE: path.join(server.workDir, "secret.key") };
  status = spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;
} finally {
  server.stop();
}
process.exit(status);
