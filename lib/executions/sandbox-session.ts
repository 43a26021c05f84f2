import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten";
import { BUNDLE_NAME, WORKFLOW_GLOBAL, type BundledWorkflow } from "./bundle-workflow";
import { DEFAULT_RETRIES, type RetryPolicy } from "./integration-config";
import { describeDuration, describeThrown, explainLimit, type RunError } from "./sandbox-errors";
import { SandboxHost } from "./sandbox-host";
import { describeBytes, type SandboxLimits } from "./sandbox-limits";
import { mapStack } from "./map-stack";
import { SANDBOX_PRELUDE } from "./sandbox-prelude";

export type Ending = { status: "succeeded"; output: unknown } | { status: "failed" | "timed_out"; error: RunError };

export interface SessionInput {
  env: Record<string, string>;
  input: unknown;
  state: Record<string, string>;
  retries?: RetryPolicy;
  allowedHosts: readonly string[];
}

type GuestResult = ReturnType<QuickJSContext["evalCode"]>;

/** The sandbox's own globals, whose frames are left out of the stacks people see. */
const PRELUDE_NAME = "draftline-prelude.js";

/**
 * One run's QuickJS runtime and context, and the loop that drives the workflow's promise to an
 * end: between turns it hands the guest what the host finished (responses, due timers), runs
 * the guest's jobs, and stops at the deadline. Every handle it makes is freed by `dispose`.
 */
export class SandboxSession {
  readonly host: SandboxHost;
  private readonly runtime: QuickJSRuntime;
  private readonly vm: QuickJSContext;
  private readonly handles: QuickJSHandle[] = [];
  private interrupted = false;
  private workflow?: BundledWorkflow;

  constructor(
    quickjs: QuickJSWASMModule,
    private readonly limits: SandboxLimits,
    private readonly deadline: number,
    private readonly input: SessionInput,
  ) {
    this.runtime = quickjs.newRuntime();
    this.runtime.setMemoryLimit(limits.memoryBytes);
    this.runtime.setMaxStackSize(limits.stackBytes);
    this.runtime.setInterruptHandler(() => (this.interrupted ||= Date.now() >= deadline));
    this.vm = this.runtime.newContext();
    this.host = new SandboxHost(this.vm, limits, input.allowedHosts, input.state);
  }

  async run(workflow: BundledWorkflow): Promise<Ending> {
    const vm = this.vm;
    this.workflow = workflow;
    const prelude = this.guest(vm.evalCode(SANDBOX_PRELUDE, PRELUDE_NAME));
    if (isEnding(prelude)) return prelude;
    const exported = this.guest(vm.callFunction(prelude, vm.undefined, this.hold(this.host.createHostObject())));
    if (isEnding(exported)) return exported;
    this.host.fireTimer = this.hold(vm.getProp(exported, "fireTimer"));
    const invoke = this.hold(vm.getProp(exported, "invoke"));

    const loaded = this.guest(vm.evalCode(workflow.code, BUNDLE_NAME));
    if (isEnding(loaded)) return loaded;
    const entry = this.hold(vm.getProp(vm.global, WORKFLOW_GLOBAL));
    const { env, input, retries = DEFAULT_RETRIES } = this.input;
    const options = this.hold(vm.newString(JSON.stringify({ env, retries, input: input ?? null })));
    const promise = this.guest(vm.callFunction(invoke, vm.undefined, entry, options));
    if (isEnding(promise)) return promise;
    return this.settle(promise);
  }

  memoryUsedBytes(): number | undefined {
    const usage = this.runtime.computeMemoryUsage();
    const dumped = this.vm.dump(usage) as { memory_used_size?: unknown };
    usage.dispose();
    return typeof dumped.memory_used_size === "number" ? dumped.memory_used_size : undefined;
  }

  dispose(): void {
    for (const handle of this.handles.reverse()) if (handle.alive) handle.dispose();
    this.vm.dispose();
    this.runtime.dispose();
  }

  private async settle(promise: QuickJSHandle): Promise<Ending> {
    for (;;) {
      this.host.drain();
      if (this.host.timerFailure) return this.fromGuest(this.host.timerFailure.thrown);
      const jobs = this.runtime.executePendingJobs();
      if (jobs.error) return this.fromGuest(this.consume(jobs.error));
      const state = this.vm.getPromiseState(promise);
      if (state.type === "fulfilled") {
        const output = state.value;
        const json = this.vm.typeof(output) === "string" ? this.vm.getString(output) : undefined;
        output.dispose();
        return this.output(json);
      }
      if (state.type === "rejected") return this.fromGuest(this.consume(state.error));
      if (Date.now() >= this.deadline) return this.fromGuest(undefined, true);
      await this.host.waitForEvent(this.deadline - Date.now());
    }
  }

  /** The prelude wrote the output with the guest's JSON.stringify, which the workflow may have replaced. */
  private output(json: string | undefined): Ending {
    if (json === undefined) return { status: "succeeded", output: undefined };
    if (Buffer.byteLength(json) > this.limits.outputBytes) {
      return { status: "failed", error: { message: `The workflow's return value is larger than ${describeBytes(this.limits.outputBytes)} as JSON` } };
    }
    try {
      return { status: "succeeded", output: JSON.parse(json) as unknown };
    } catch {
      return { status: "failed", error: { name: "TypeError", message: "The workflow's return value cannot be written as JSON" } };
    }
  }

  private fromGuest(thrown: unknown, timedOut = this.interrupted): Ending {
    if (timedOut) {
      return { status: "timed_out", error: { message: `The workflow ran longer than its time limit of ${describeDuration(this.limits.timeMs)}` } };
    }
    const error = explainLimit(describeThrown(thrown), this.limits);
    if (error.stack && this.workflow) {
      const frames = error.stack.split("\n").filter((frame) => !frame.includes(PRELUDE_NAME));
      error.stack = mapStack(frames.join("\n"), BUNDLE_NAME, this.workflow.sourceMap);
    }
    return { status: "failed", error };
  }

  private guest(result: GuestResult): QuickJSHandle | Ending {
    return result.error ? this.fromGuest(this.consume(result.error)) : this.hold(result.value);
  }

  private consume(error: QuickJSHandle): unknown {
    const thrown = this.vm.dump(error);
    error.dispose();
    return thrown;
  }

  private hold(handle: QuickJSHandle): QuickJSHandle {
    this.handles.push(handle);
    return handle;
  }
}

function isEnding(value: QuickJSHandle | Ending): value is Ending {
  return "status" in value;
}
