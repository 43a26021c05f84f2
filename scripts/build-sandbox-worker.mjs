// Builds the body of a workflow's worker thread (lib/executions/sandbox-worker.ts) into one plain
// ES module at a fixed place, SANDBOX_WORKER_FILE, which lib/executions/run-in-worker.ts starts.
// Neither Next nor Vitest hands a worker thread a TypeScript loader, and the bundler must not
// see the worker's entry (Turbopack bundles what `new Worker(…)` names, and a path it cannot
// evaluate made `next build` take in the whole project), so the file is made here, outside any
// bundle: next.config.ts calls this on every `next build`, `next dev` and `next start`, and the
// Vitest global setup before the tests. npm packages stay imports, resolved from the app's
// node_modules, which is why the file lives under it.
// Usage: node scripts/build-sandbox-worker.mjs   (or import { buildSandboxWorker })
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

/** Where the worker's script is written, relative to the app's folder (run-in-worker.ts says the same). */
export const SANDBOX_WORKER_FILE = "node_modules/.cache/draftline/sandbox-worker.mjs";

/** Bundles the worker and writes it when its code changed; returns the file's absolute path. */
export function buildSandboxWorker(root = path.resolve(import.meta.dirname, "..")) {
  const output = buildSync({
    entryPoints: [path.join(root, "lib/executions/sandbox-worker.ts")],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  const code = output.outputFiles[0]?.text ?? "";
  const file = path.join(root, SANDBOX_WORKER_FILE);
  let existing;
  try {
    existing = readFileSync(file, "utf8");
  } catch {
    existing = undefined;
  }
  if (existing !== code) {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written under a name of its own, then renamed, so a server starting meanwhile (or a second
    // build in another process) never loads a half-written file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Built ${path.relative(process.cwd(), buildSandboxWorker())}`);
}
