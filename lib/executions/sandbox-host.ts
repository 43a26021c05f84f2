import { randomUUID } from "node:crypto";
import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle } from "quickjs-emscripten";
import { fetchForSandbox, checkUrl, type SandboxRequest } from "./sandbox-fetch";
import { describeBytes, type SandboxLimits } from "./sandbox-limits";
import { LogCollector, type LogLevel } from "./sandbox-logs";

type Outcome = { ok: true; json: string } | { ok: false; message: string };

interface PendingRequest {
  controller: AbortController;
  deferred?: QuickJSDeferredPromise;
  outcome?: Outcome;
}

const LEVELS = new Set<LogLevel>(["debug", "info", "warn", "error"]);

/**
 * The host's half of one run: the functions the prelude calls (logs, timers, fetch, URL parsing,
 * state) and the queue of things that happened outside (a response arrived, a timer is due),
 * which the run loop drains between turns of the guest's job queue. Nothing of it outlives
 * `close()`: timers are cleared and requests aborted.
 */
export class SandboxHost {
  readonly logs: LogCollector;
  readonly state: Map<string, string>;
  /** Set once the prelude has run: the guest function that runs a due timer. */
  fireTimer?: QuickJSHandle;
  /** What a timer callback threw (dumped), which ends the run as an uncaught error would. */
  timerFailure?: { thrown: unknown };

  private readonly events: Array<() => void> = [];
  private wake?: () => void;
  private closed = false;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly requests = new Map<number, PendingRequest>();
  private nextRequest = 1;
  /** Characters in the keys and values of `state`, kept as it changes so a set costs no scan. */
  private stateSize: number;
  private readonly runAbort = new AbortController();

  constructor(
    private readonly vm: QuickJSContext,
    private readonly limits: SandboxLimits,
    private readonly allowedHosts: readonly string[],
    state: Record<string, string>,
  ) {
    this.logs = new LogCollector(limits.logBytes);
    this.state = new Map(Object.entries(state));
    this.stateSize = [...this.state].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  }

  /** The object handed to the prelude; the caller disposes the handle. */
  createHostObject(): QuickJSHandle {
    const vm = this.vm;
    const host = vm.newObject();
    const define = (name: string, fn: (...args: QuickJSHandle[]) => QuickJSHandle | undefined) => {
      const handle = vm.newFunction(name, fn);
      vm.setProp(host, name, handle);
      handle.dispose();
    };
    define("log", (level, message, fields) => {
      const levelText = vm.getString(level) as LogLevel;
      const fieldsJson = fields && vm.typeof(fields) === "string" ? vm.getString(fields) : undefined;
      return this.logs.add(LEVELS.has(levelText) ? levelText : "info", vm.getString(message), fieldsJson) ? vm.true : vm.false;
    });
    define("setTimer", (id, ms) => {
      if (this.timers.size >= this.limits.pendingTimers) {
        throw new Error(`A workflow may have at most ${this.limits.pendingTimers} timers pending`);
      }
      const timerId = vm.getNumber(id);
      const timer = setTimeout(() => {
        this.timers.delete(timerId);
        this.enqueue(() => this.runTimer(timerId));
      }, Math.min(vm.getNumber(ms), this.limits.timeMs));
      this.timers.set(timerId, timer);
      return undefined;
    });
    define("clearTimer", (id) => {
      const timerId = vm.getNumber(id);
      clearTimeout(this.timers.get(timerId));
      this.timers.delete(timerId);
      return undefined;
    });
    define("parseUrl", (input, base) => {
      const baseText = base && vm.typeof(base) === "string" ? vm.getString(base) : undefined;
      const text = vm.getString(input);
      if (!URL.canParse(text, baseText)) throw new TypeError(`Invalid URL: "${text}"`);
      const url = new URL(text, baseText);
      const { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash } = url;
      return vm.newString(JSON.stringify({ href, origin, protocol, username, password, host, hostname, port, pathname, search, hash }));
    });
    define("base64", (direction, text) => vm.newString(base64(vm.getString(direction), vm.getString(text))));
    define("randomUUID", () => vm.newString(randomUUID()));
    define("stateGet", (key) => {
      const value = this.state.get(vm.getString(key));
      return value === undefined ? vm.null : vm.newString(value);
    });
    define("stateSet", (key, value) => this.setState(vm.getString(key), vm.getString(value)));
    define("fetch", (request) => vm.newNumber(this.startFetch(JSON.parse(vm.getString(request)) as SandboxRequest)));
    define("awaitFetch", (id) => this.awaitFetch(vm.getNumber(id)));
    define("abortFetch", (id) => {
      this.requests.get(vm.getNumber(id))?.controller.abort();
      return undefined;
    });
    return host;
  }

  /** Runs what happened outside since the last turn; answers false if nothing had. */
  drain(): boolean {
    const ran = this.events.length > 0;
    for (let event = this.events.shift(); event; event = this.events.shift()) event();
    return ran;
  }

  /** Waits until something happens outside, or `ms` pass. */
  async waitForEvent(ms: number): Promise<void> {
    if (this.events.length > 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms));
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  close(): void {
    this.closed = true;
    this.events.length = 0;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.runAbort.abort();
    for (const request of this.requests.values()) request.deferred?.dispose();
    this.requests.clear();
  }

  private enqueue(event: () => void): void {
    if (this.closed) return;
    this.events.push(event);
    this.wake?.();
  }

  private runTimer(id: number): void {
    if (!this.fireTimer || this.timerFailure) return;
    const idHandle = this.vm.newNumber(id);
    const result = this.vm.callFunction(this.fireTimer, this.vm.undefined, idHandle);
    idHandle.dispose();
    if (result.error) {
      this.timerFailure = { thrown: this.vm.dump(result.error) };
      result.error.dispose();
    } else {
      result.value.dispose();
    }
  }

  private setState(key: string, value: string): undefined {
    const previous = this.state.get(key);
    const size = this.stateSize - (previous === undefined ? 0 : key.length + previous.length) + key.length + value.length;
    if (size > this.limits.stateBytes) {
      throw new Error(`context.state may hold at most ${describeBytes(this.limits.stateBytes)}; "${key.slice(0, 100)}" does not fit`);
    }
    this.state.set(key, value);
    this.stateSize = size;
    return undefined;
  }

  private startFetch(request: SandboxRequest): number {
    checkUrl(request.url, this.allowedHosts);
    if (this.requests.size >= this.limits.concurrentRequests) {
      throw new Error(`A workflow may have at most ${this.limits.concurrentRequests} requests in flight at once`);
    }
    const id = this.nextRequest++;
    const pending: PendingRequest = { controller: new AbortController() };
    this.requests.set(id, pending);
    const signal = AbortSignal.any([this.runAbort.signal, pending.controller.signal]);
    fetchForSandbox(request, { allowedHosts: this.allowedHosts, maxResponseBytes: this.limits.responseBytes, signal }).then(
      (response) => this.enqueue(() => this.settle(id, { ok: true, json: JSON.stringify(response) })),
      (error: unknown) => this.enqueue(() => this.settle(id, { ok: false, message: describeFetchError(error) })),
    );
    return id;
  }

  private awaitFetch(id: number): QuickJSHandle {
    const pending = this.requests.get(id);
    if (!pending || pending.deferred) throw new Error(`No request ${id} to wait for`);
    pending.deferred = this.vm.newPromise();
    if (pending.outcome) this.enqueue(() => this.settle(id, pending.outcome as Outcome));
    return pending.deferred.handle;
  }

  private settle(id: number, outcome: Outcome): void {
    const pending = this.requests.get(id);
    if (!pending) return;
    if (!pending.deferred) {
      pending.outcome = outcome;
      return;
    }
    this.requests.delete(id);
    const value = this.vm.newString(outcome.ok ? outcome.json : outcome.message);
    if (outcome.ok) pending.deferred.resolve(value);
    else pending.deferred.reject(value);
    value.dispose();
    pending.deferred.dispose();
  }
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "AbortError") return "The request was aborted";
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

/** btoa and atob: text of Latin-1 characters (one byte each) to base64 and back. */
function base64(direction: string, text: string): string {
  if (direction === "encode") {
    if (/[^\u0000-\u00ff]/.test(text)) throw new Error("btoa takes Latin-1 text only: encode other characters to bytes first");
    return Buffer.from(text, "latin1").toString("base64");
  }
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(text)) throw new Error("atob was given text that is not base64");
  return Buffer.from(text, "base64").toString("latin1");
}
