export interface SandboxLimits {
  /** Heap the workflow may allocate inside QuickJS. */
  memoryBytes: number;
  /** Wall-clock time of the whole run, awaiting requests and timers included. */
  timeMs: number;
  /** QuickJS stack, so deep recursion fails as a RangeError instead of overflowing the host. */
  stackBytes: number;
  /** Log text kept per run; past it one "logs truncated" line is kept and the rest dropped. */
  logBytes: number;
  /** Largest response body a single fetch may read. */
  responseBytes: number;
  /** Requests in flight at once. */
  concurrentRequests: number;
  /** Timers pending at once. */
  pendingTimers: number;
  /** Total length (in characters) of the keys and values in `context.state`. */
  stateBytes: number;
  /** The entry's return value, written as JSON. */
  outputBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  memoryBytes: 64 * 1024 * 1024,
  timeMs: 30_000,
  stackBytes: 256 * 1024,
  logBytes: 1024 * 1024,
  responseBytes: 10 * 1024 * 1024,
  concurrentRequests: 16,
  pendingTimers: 1000,
  stateBytes: 1024 * 1024,
  outputBytes: 1024 * 1024,
};

/**
 * QuickJS's stack lives in WebAssembly, whose frames also take the host's own native stack
 * (about 1 MB in Node): past about 256 KB of QuickJS stack, the host's runs out first and traps
 * the instance instead of raising a RangeError the workflow can see. 256 KB is ~1,300 calls deep.
 */
export const MAX_STACK_BYTES = 256 * 1024;

export function resolveLimits(limits: Partial<SandboxLimits> = {}): SandboxLimits {
  const resolved = { ...DEFAULT_SANDBOX_LIMITS, ...limits };
  return { ...resolved, stackBytes: Math.min(resolved.stackBytes, MAX_STACK_BYTES) };
}

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
