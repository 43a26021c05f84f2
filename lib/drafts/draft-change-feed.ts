/** One waiting request's place in the feed. */
export interface DraftChangeSubscription {
  /** Resolves on the next change (at once if one came since subscribing or the last `next`), on timeout or on abort. */
  next(options: { timeoutMs: number; signal?: AbortSignal }): Promise<"changed" | "timeout" | "aborted">;
  /** Leaves the waiting room (a pending `next` resolves as aborted); call it in a `finally`. */
  close(): void;
}

/**
 * The waiting room of one app instance: long-polling requests wait here for a write to their
 * project's draft, and the instance's database listener (lib/db/listen.ts) wakes them. It
 * holds no database connection, only a callback per waiting request, removed when the request
 * is answered, times out or is aborted.
 */
export class DraftChangeFeed {
  readonly #waiters = new Map<string, Set<() => void>>();
  #parked = 0;

  /** A write to this project's draft committed. */
  publish(projectId: string) {
    for (const wake of this.#waiters.get(projectId) ?? []) wake();
  }

  /** Notifications may have been missed (the listening connection dropped): everyone reads again. */
  publishAll() {
    for (const waiters of this.#waiters.values()) for (const wake of waiters) wake();
  }

  /** How many requests are subscribed, over all projects: zero once every one was answered. */
  get subscribers(): number {
    let count = 0;
    for (const waiters of this.#waiters.values()) count += waiters.size;
    return count;
  }

  /** How many of them are inside `next`, waiting for a change. */
  get waiting(): number {
    return this.#parked;
  }

  /**
   * Subscribe before reading the draft, then wait: a change committed between the read and
   * the wait has already marked the subscription and ends the wait at once.
   */
  subscribe(projectId: string): DraftChangeSubscription {
    let changed = false;
    let settle: ((outcome: "changed" | "aborted") => void) | undefined;
    const wake = () => {
      if (settle) settle("changed");
      else changed = true;
    };
    const waiters = this.#waiters.get(projectId) ?? new Set();
    waiters.add(wake);
    this.#waiters.set(projectId, waiters);

    return {
      next: ({ timeoutMs, signal }) => {
        if (changed) {
          changed = false;
          return Promise.resolve("changed");
        }
        if (signal?.aborted) return Promise.resolve("aborted");
        this.#parked += 1;
        return new Promise((resolve) => {
          const finish = (outcome: "changed" | "timeout" | "aborted") => {
            this.#parked -= 1;
            clearTimeout(timer);
            signal?.removeEventListener("abort", onAbort);
            settle = undefined;
            resolve(outcome);
          };
          const onAbort = () => finish("aborted");
          const timer = setTimeout(() => finish("timeout"), timeoutMs);
          signal?.addEventListener("abort", onAbort, { once: true });
          settle = finish;
        });
      },
      close: () => {
        settle?.("aborted");
        waiters.delete(wake);
        if (waiters.size === 0 && this.#waiters.get(projectId) === waiters) this.#waiters.delete(projectId);
      },
    };
  }
}
