import type { SandboxResult } from "./run-in-sandbox";
import { resolveLimits } from "./sandbox-limits";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

/** Time a worker gets past the sandbox's own deadline before it is terminated from outside. */
export const WORKER_GRACE_MS = 2_000;

/** The worker's script, built from lib/executions/sandbox-worker.ts by scripts/build-sandbox-worker.mjs (its SANDBOX_WORKER_FILE). */
const SANDBOX_WORKER_FILE = "node_modules/.cache/draftline/sandbox-worker.mjs";

// Taken through process.getBuiltinModule, not imported: see sandboxWorkerScript.
const { Worker: WorkerThread } = process.getBuiltinModule("node:worker_threads");

/**
 * Runs a workflow in a worker thread of its own, so a workflow busy computing never holds the
 * server's event loop. The sandbox ends the run at its deadline; should that fail (the worker is
 * stuck in the host's own code), the worker is terminated a little later and the run timed out.
 */
export async function runInWorker(request: WorkerRequest): Promise<WorkerReply> {
  const timeMs = resolveLimits(request.options.limits).timeMs;
  const worker = new WorkerThread(sandboxWorkerScript(), { workerData: request });
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
    worker.once("error", (error: Error & { code?: string }) => settle({ kind: "crashed", message: workerErrorMessage(error) }));
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
 * The script's path, read at run time in the app's folder (where Next and Vitest run). Nothing
 * here may be a place the bundler follows: Turbopack bundles what a Worker of node:worker_threads
 * (imported) is started with, and for a path it cannot evaluate it took in the whole project, so
 * `next build` never ended. The builtin is therefore taken through process.getBuiltinModule,
 * and the path is not handed to any fs call.
 */
function sandboxWorkerScript(): string {
  return `${process.cwd()}/${SANDBOX_WORKER_FILE}`;
}

function workerErrorMessage(error: Error & { code?: string }): string {
  if (error.code === "ERR_MODULE_NOT_FOUND" && error.message.includes(SANDBOX_WORKER_FILE)) {
    return `The sandbox's worker script ${SANDBOX_WORKER_FILE} is missing: run \`node scripts/build-sandbox-worker.mjs\` (next build, dev and start make it).`;
  }
  return error.message;
}
