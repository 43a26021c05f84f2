import type { QuickJSWASMModule } from "quickjs-emscripten";
import type { BundledWorkflow } from "./bundle-workflow";
import type { RetryPolicy } from "./integration-config";
import type { RunError } from "./sandbox-errors";
import { resolveLimits, type SandboxLimits } from "./sandbox-limits";
import type { LogLine } from "./sandbox-logs";
import { newSandboxModule } from "./sandbox-module";
import { SandboxSession, type Ending } from "./sandbox-session";

export interface SandboxRunOptions {
  /** `context.env`: the environment's settings and secrets, resolved to strings. */
  env?: Record<string, string>;
  /** JSON handed to the workflow as its second argument and as `context.input`. */
  input?: unknown;
  /** `context.state` as the run starts; the run answers it as it ends. */
  state?: Record<string, string>;
  /** `context.retries`: the integration's retry policy (DEFAULT_RETRIES when not given). */
  retries?: RetryPolicy;
  /** Hosts `fetch` may reach: "erp.example.com" (any port) or "127.0.0.1:8080". */
  allowedHosts?: readonly string[];
  limits?: Partial<SandboxLimits>;
  /** A QuickJS module of the caller's (tests use the debug build, which reports leaked handles). */
  module?: QuickJSWASMModule;
}

export interface SandboxResult {
  status: "succeeded" | "failed" | "timed_out";
  output?: unknown;
  error?: RunError;
  logs: LogLine[];
  state: Record<string, string>;
  durationMs: number;
  memoryUsedBytes?: number;
}

/**
 * Runs a bundled workflow in its own QuickJS instance (WebAssembly), with a memory limit, a stack
 * limit and one deadline for everything (its code, and what it awaits), and nothing of the host
 * but the bridged fetch to allowed hosts, logs, timers that end with the run and `context.state`.
 *
 * The sync build with promises, not asyncify: the host's async work (fetch, timers) settles guest
 * promises between turns of this loop, so nothing needs to suspend inside WebAssembly; asyncify
 * would be larger and slower, and allows one suspended call at a time.
 * Guest code runs on the caller's thread: a CPU-bound workflow holds the event loop until its
 * deadline (the interrupt handler ends it there). Moving runs to worker threads is the next step.
 */
export async function runInSandbox(workflow: BundledWorkflow, options: SandboxRunOptions = {}): Promise<SandboxResult> {
  const limits = resolveLimits(options.limits);
  const started = performance.now();
  const quickjs = options.module ?? (await newSandboxModule());
  const session = new SandboxSession(quickjs, limits, Date.now() + limits.timeMs, {
    env: options.env ?? {},
    input: options.input,
    state: options.state ?? {},
    retries: options.retries,
    allowedHosts: options.allowedHosts ?? [],
  });
  let ending: Ending;
  let memoryUsedBytes: number | undefined;
  let trapped = false;
  try {
    ending = await session.run(workflow);
    memoryUsedBytes = session.memoryUsedBytes();
  } catch (error) {
    // The WebAssembly instance trapped (the host's own stack ran out inside it, or QuickJS
    // aborted): nothing in it can be trusted any more, so it is not touched again.
    trapped = true;
    ending = { status: "failed", error: describeTrap(error) };
  } finally {
    session.host.close();
  }
  if (!trapped) {
    try {
      session.dispose();
    } catch (error) {
      // QuickJS aborts freeing a runtime after some out-of-memory paths; our instance is simply
      // dropped with the run, but a module of the caller's outlives it, so the caller hears of it.
      if (options.module) throw error;
    }
  }
  return {
    ...ending,
    logs: session.host.logs.lines,
    state: Object.fromEntries(session.host.state),
    durationMs: Math.round(performance.now() - started),
    ...(memoryUsedBytes === undefined ? {} : { memoryUsedBytes }),
  };
}

function describeTrap(error: unknown): RunError {
  if (error instanceof RangeError) {
    return { name: "RangeError", message: "The workflow ran out of stack: is a function calling itself without end?" };
  }
  return { name: "InternalError", message: `The sandbox stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}` };
}
