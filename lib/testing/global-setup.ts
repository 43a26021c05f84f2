import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSandboxWorker } from "../../scripts/build-sandbox-worker.mjs";

/**
 * Builds the sandbox's worker script (runs start it), and points the generated secret key at a
 * throwaway configuration folder for the whole run, so no test can read or create a key in the
 * real home directory (tests that need a key stub their own).
 */
export default function setup() {
  // Runs go through a worker thread whose script is built outside any bundle, as for Next.
  buildSandboxWorker();
  const configHome = mkdtempSync(path.join(os.tmpdir(), "draftline-vitest-config-"));
  process.env.XDG_CONFIG_HOME = configHome;
  delete process.env.DRAFTLINE_SECRET_KEY_FILE;
  return () => rmSync(configHome, { recursive: true, force: true });
}
