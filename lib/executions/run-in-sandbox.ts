import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten";
import { WORKFLOW_GLOBAL, type BundledWorkflow } from "./bundle-workflow";
import type { RetryPolicy } from "./integration-config";
import { describeDuration, describeThrown, explainLimit, type RunError } from "./sandbox-errors";
import { SandboxHost } from "./sandbox-host";
import { resolveLimits, type SandboxLimits } from "./sandbox-limits";
import type { LogLine } from "./sandbox-logs";
import { newSandboxModule } from "./sandbox-module";
import { SANDBOX_PRELUDE } from "./sandbox-prelude";

export interface SandboxRunOptions {
  /** `context.env`: the environment's settings and secrets, resolved to strings. */
  env?: Record<string, string>;
  /** JSON handed to the workflow as its second argument and as `context.input`. */
  input?: unknown;
  /** `context.state` as the run starts; the run answers it as it ends. */
  state?: Record<string, string>;
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

type Ending = { status: "succeeded"; output: unknown } | { status: "failed" | "timed_out"; error: RunError };

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
  const deadline = Date.now() + limits.timeMs;
  const quickjs = options.module ?? (await newSandboxModule());
  const runtime = quickjs.newRuntime();
  let interrupted = false;
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(limits.stackBytes);
  runtime.setInterruptHandler(() => (interrupted ||= Date.now() >= deadline));
  const vm = runtime.newContext();
  const host = new SandboxHost(vm, limits, options.allowedHosts ?? [], options.state ?? {});
  const handles: QuickJSHandle[] = [];
  const fromGuest = (thrown: unknown, timedOut = interrupted): Ending =>
    timedOut
      ? { status: "timed_out", error: { message: `The workflow ran longer than its time limit of ${describeDuration(limits.timeMs)}` } }
      : { status: "failed", error: explainLimit(describeThrown(thrown), limits) };

  let ending: Ending;
  let memoryUsedBytes: number | undefined;
  let healthy = true;
  try {
    ending = await drive(vm, runtime, host, handles, workflow, options, deadline, fromGuest);
    memoryUsedBytes = measureMemory(vm, runtime);
  } catch (error) {
    // The WebAssembly instance trapped (the host's own stack ran out inside it, or QuickJS
    // aborted): nothing in it can be trusted any more, so it is not touched again.
    healthy = false;
    const overflow = error instanceof RangeError;
    ending = {
      status: "failed",
      error: {
        name: overflow ? "RangeError" : "InternalError",
        message: overflow
          ? "The workflow ran out of stack: is a function calling itself without end?"
          : `The sandbox stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  } finally {
    host.close();
  }
  // After a trap the instance is left to the garbage collector, as is one whose QuickJS aborted
  // while freeing (it does after some out-of-memory paths): each run has its own instance.
  if (healthy) dispose(vm, runtime, handles, Boolean(options.module));
  return {
    ...ending,
    logs: host.logs.lines,
    state: Object.fromEntries(host.state),
    durationMs: Math.round(performance.now() - started),
    ...(memoryUsedBytes === undefined ? {} : { memoryUsedBytes }),
  };
}

async function drive(
  vm: QuickJSContext,
  runtime: QuickJSRuntime,
  host: SandboxHost,
  handles: QuickJSHandle[],
  workflow: BundledWorkflow,
  options: SandboxRunOptions,
  deadline: number,
  fromGuest: (thrown: unknown, timedOut?: boolean) => Ending,
): Promise<Ending> {
  const hold = (handle: QuickJSHandle) => (handles.push(handle), handle);
  const guest = (result: ReturnType<QuickJSContext["evalCode"]>): QuickJSHandle | Ending => {
    if (!result.error) return hold(result.value);
    const thrown = vm.dump(result.error);
    result.error.dispose();
    return fromGuest(thrown);
  };
  const prelude = guest(vm.evalCode(SANDBOX_PRELUDE, "draftline-prelude.js"));
  if (isEnding(prelude)) return prelude;
  const hostObject = hold(host.createHostObject());
  const exported = guest(vm.callFunction(prelude, vm.undefined, hostObject));
  if (isEnding(exported)) return exported;
  host.fireTimer = hold(vm.getProp(exported, "fireTimer"));
  const invoke = hold(vm.getProp(exported, "invoke"));

  const loaded = guest(vm.evalCode(workflow.code, `${workflow.entry.path}.js`));
  if (isEnding(loaded)) return loaded;
  const entry = hold(vm.getProp(vm.global, WORKFLOW_GLOBAL));
  const runOptions = hold(
    vm.newString(JSON.stringify({ env: options.env ?? {}, retries: options.retries ?? null, input: options.input ?? null })),
  );
  const promise = guest(vm.callFunction(invoke, vm.undefined, entry, runOptions));
  if (isEnding(promise)) return promise;

  for (;;) {
    host.drain();
    if (host.timerFailure) return fromGuest(host.timerFailure.thrown);
    const jobs = runtime.executePendingJobs();
    if (jobs.error) {
      const thrown = vm.dump(jobs.error);
      jobs.error.dispose();
      return fromGuest(thrown);
    }
    const state = vm.getPromiseState(promise);
    if (state.type === "fulfilled") {
      const output = state.value;
      const json = vm.typeof(output) === "string" ? vm.getString(output) : undefined;
      output.dispose();
      return json === undefined ? { status: "succeeded", output: undefined } : parseOutput(json);
    }
    if (state.type === "rejected") {
      const thrown = vm.dump(state.error);
      state.error.dispose();
      return fromGuest(thrown);
    }
    if (Date.now() >= deadline) return fromGuest(undefined, true);
    await host.waitForEvent(deadline - Date.now());
  }
}

/** The prelude wrote the output with the guest's JSON.stringify, which the workflow may have replaced. */
function parseOutput(json: string): Ending {
  try {
    return { status: "succeeded", output: JSON.parse(json) as unknown };
  } catch {
    return { status: "failed", error: { name: "TypeError", message: "The workflow's return value cannot be written as JSON" } };
  }
}

function isEnding(value: QuickJSHandle | Ending): value is Ending {
  return "status" in value;
}

function measureMemory(vm: QuickJSContext, runtime: QuickJSRuntime): number | undefined {
  const usage = runtime.computeMemoryUsage();
  const dumped = vm.dump(usage) as { memory_used_size?: unknown };
  usage.dispose();
  return typeof dumped.memory_used_size === "number" ? dumped.memory_used_size : undefined;
}

/** Frees the run's handles, context and runtime, unless QuickJS aborts doing so. */
function dispose(vm: QuickJSContext, runtime: QuickJSRuntime, handles: QuickJSHandle[], callerOwnsModule: boolean): void {
  try {
    for (const handle of handles.reverse()) if (handle.alive) handle.dispose();
    vm.dispose();
    runtime.dispose();
  } catch (error) {
    // A module of the caller's outlives the run, so the caller hears of it; ours is dropped.
    if (callerOwnsModule) throw error;
  }
}
