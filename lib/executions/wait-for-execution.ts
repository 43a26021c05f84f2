import type { Db } from "@/lib/db/client";
import { executionSummarySelect, isActive, toExecutionJson, type ExecutionJson } from "./execution-json";

const POLL_MS = 250;

/** The execution once it has finished, or as it is when `timeoutMs` has passed. */
export async function waitForExecution(db: Db, executionId: string, timeoutMs: number): Promise<ExecutionJson | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.execution.findUnique({ where: { id: executionId }, select: executionSummarySelect });
    if (!row) return null;
    const execution = toExecutionJson(row);
    if (!isActive(execution.status) || Date.now() >= deadline) return execution;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, deadline - Date.now())));
  }
}
