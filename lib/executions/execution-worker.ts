import type { PrismaClient } from "@/lib/generated/prisma/client";
import { claimExecution } from "./claim-execution";
import { recoverAbandonedExecutions } from "./recover-abandoned-executions";
import { runClaimedExecution } from "./run-execution";

export interface ExecutionWorkerOptions {
  /** Runs at once in this process (each in its own worker thread). */
  concurrency?: number;
  /** Runs at once per environment, across every app instance on the database. */
  perEnvironmentLimit?: number;
  /** How often the queue is looked at when nothing woke the worker. */
  pollMs?: number;
  onError?: (error: unknown) => void;
}

export interface ExecutionWorker {
  /** Looks at the queue now (after a run was queued in this process). */
  wake(): void;
  /** Takes no more runs and waits for those in flight. */
  stop(): Promise<void>;
}

/** Takes due runs off the queue and runs them, until stopped. */
export function startExecutionWorker(db: PrismaClient, options: ExecutionWorkerOptions = {}): ExecutionWorker {
  const concurrency = options.concurrency ?? 2;
  const perEnvironmentLimit = options.perEnvironmentLimit ?? 1;
  const onError = options.onError ?? ((error: unknown) => console.error("Execution worker:", error));
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  let looking: Promise<void> | undefined;
  let again = false;

  const fill = async () => {
    await recoverAbandonedExecutions(db);
    while (!stopped && inFlight.size < concurrency) {
      const claimed = await claimExecution(db, { perEnvironmentLimit });
      if (!claimed) return;
      const running = runClaimedExecution(db, claimed)
        .catch(onError)
        .finally(() => {
          inFlight.delete(running);
          wake();
        });
      inFlight.add(running);
    }
  };
  const wake = () => {
    if (stopped) return;
    if (looking) {
      again = true;
      return;
    }
    looking = fill()
      .catch(onError)
      .finally(() => {
        looking = undefined;
        if (again) {
          again = false;
          wake();
        }
      });
  };
  const timer = setInterval(wake, options.pollMs ?? 1000);
  timer.unref();
  wake();
  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await looking;
      await Promise.allSettled([...inFlight]);
    },
  };
}
