import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startExecutionWorker, type ExecutionWorker } from "./execution-worker";
import { fireDueSchedules } from "./fire-due-schedules";

/** Often enough to catch every minute's tick; a tick fires once however often this looks. */
const SCHEDULER_MS = 15_000;

declare global {
  // Next evaluates server modules more than once per process: one worker per process.
  var __draftlineExecutionWorker: ExecutionWorker | undefined;
}

/** Starts this server's execution worker (instrumentation.ts), stopped when the process is told to end. */
export function startServerExecutionWorker(db: PrismaClient) {
  if (globalThis.__draftlineExecutionWorker) return;
  const worker = startExecutionWorker(db, {
    concurrency: Number(process.env.DRAFTLINE_RUN_CONCURRENCY ?? 2),
    perEnvironmentLimit: Number(process.env.DRAFTLINE_RUNS_PER_ENVIRONMENT ?? 1),
  });
  globalThis.__draftlineExecutionWorker = worker;
  const scheduler = setInterval(() => {
    fireDueSchedules(db).then(
      (fired) => {
        if (fired.length > 0) worker.wake();
      },
      (error: unknown) => console.error("Scheduler:", error),
    );
  }, SCHEDULER_MS);
  scheduler.unref();
  // Takes no new runs; those in flight finish, or their lease lapses and another instance retries them.
  const stop = () => {
    clearInterval(scheduler);
    void worker.stop();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** Tells this server's worker a run was queued, so it starts without waiting for the next poll. */
export function wakeExecutionWorker() {
  globalThis.__draftlineExecutionWorker?.wake();
}
