import type { WorkflowEntry } from "./integration-config";
import type { SandboxResult, SandboxRunOptions } from "./run-in-sandbox";

/** What a sandbox worker thread is started with (structured-cloned, so plain data only). */
export interface WorkerRequest {
  files: Array<[string, string]>;
  entry: WorkflowEntry;
  treeHash?: string;
  options: Omit<SandboxRunOptions, "module">;
}

export type WorkerReply =
  | { kind: "finished"; result: SandboxResult }
  | { kind: "bundle_failed"; message: string }
  | { kind: "crashed"; message: string };
