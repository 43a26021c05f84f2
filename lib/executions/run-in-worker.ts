import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import type { SandboxResult } from "./run-in-sandbox";
import { resolveLimits } from "./sandbox-limits";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

/** Time a worker gets past the sandbox's own deadline before it is terminated from outside. */
export const WORKER_GRACE_MS = 2_000;

let script: Promise<string> | undefined;

/**
 * Runs a workflow in a worker thread of its own, so a workflow busy computing never holds the
 * server's event loop. The sandbox ends the run at its deadline; should that fail (the worker is
 * stuck in the host's own code), the worker is terminated a little later and the run timed out.
 */
export async function runInWorker(request: WorkerRequest): Promise<WorkerReply> {
  const timeMs = resolveLimits(request.options.limits).timeMs;
  script ??= buildWorkerScript().catch((error: unknown) => {
    script = undefined;
    throw error;
  });
  const worker = new Worker(await script, { workerData: request });
  return new Promise<WorkerReply>((resolve) => {
    const started = performance.now();
    let settled = false;
    const settle = (reply: WorkerReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(reply);
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      settle({ kind: "finished", result: timedOut(timeMs, Math.round(performance.now() - started)) });
    }, timeMs + WORKER_GRACE_MS);
    worker.once("message", (reply: WorkerReply) => settle(reply));
    worker.once("error", (error) => settle({ kind: "crashed", message: error.message }));
    worker.once("exit", (code) => settle({ kind: "crashed", message: `The sandbox's worker thread stopped (exit code ${code}) before the run finished` }));
  });
}

function timedOut(timeMs: number, durationMs: number): SandboxResult {
  return {
    status: "timed_out",
    error: { name: "TimeoutError", message: `The workflow did not finish within ${Math.round(timeMs / 1000)} s and was stopped` },
    logs: [],
    state: {},
    durationMs,
  };
}

/**
 * The worker's code, bundled once per process from its TypeScript source (the app runs from its
 * own folder, under Next as under Vitest, neither of which hands worker threads a TypeScript
 * loader). npm packages stay imports, resolved from the app's node_modules, which is why the
 * script is written beside them rather than to a temporary folder.
 */
async function buildWorkerScript(): Promise<string> {
  // turbopackIgnore: these paths are read at run time; without it `next build` tries to bundle the whole folder.
  const root = path.resolve(/*turbopackIgnore: true*/ process.cwd());
  const output = await build({
    entryPoints: [path.join(/*turbopackIgnore: true*/ root, "lib/executions/sandbox-worker.ts")],
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
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const folder = path.join(/*turbopackIgnore: true*/ root, "node_modules", ".cache", "draftline");
  const file = path.join(/*turbopackIgnore: true*/ folder, `sandbox-worker-${hash}.mjs`);
  const existing = await readFile(file, "utf8").catch(() => undefined);
  if (existing !== code) {
    await mkdir(folder, { recursive: true });
    // Written under a unique name, then renamed, so two processes never load a half-written file.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, code);
    await rename(partial, file);
  }
  return file;
}
