/** Where the worker's script is written, relative to the app's folder. */
export const SANDBOX_WORKER_FILE: string;
/** Bundles lib/executions/sandbox-worker.ts and writes it when its code changed; returns the file's absolute path. */
export function buildSandboxWorker(root?: string): string;
