import { parentPort, workerData } from "node:worker_threads";
import { bundleWorkflow } from "./bundle-workflow";
import { runInSandbox } from "./run-in-sandbox";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

// The body of a worker thread (see run-in-worker.ts): bundles the workflow and runs it in the
// sandbox, off the server's event loop, then answers with one message.
const request = workerData as WorkerRequest;

async function main(): Promise<WorkerReply> {
  const bundled = await bundleWorkflow(new Map(request.files), request.entry, { treeHash: request.treeHash });
  if (!bundled.ok) return { kind: "bundle_failed", message: bundled.error.message };
  return { kind: "finished", result: await runInSandbox(bundled.value, request.options) };
}

main().then(
  (reply) => parentPort?.postMessage(reply),
  (error: unknown) => parentPort?.postMessage({ kind: "crashed", message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
);
