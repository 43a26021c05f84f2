import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { executionSummarySelect, toExecutionJson, type ExecutionDetailJson } from "./execution-json";
import type { LogLine } from "./sandbox-logs";

/** One execution of an environment with its input, output and logs. */
export async function getExecution(
  db: Db,
  request: { projectId: string; environmentId: string; executionId: string },
): Promise<Result<ExecutionDetailJson>> {
  const unknown = fail("not_found", "This execution does not exist in this environment.");
  if (!isId(request.projectId) || !isId(request.environmentId) || !isId(request.executionId)) return unknown;
  const row = await db.execution.findFirst({
    where: { id: request.executionId, environmentId: request.environmentId, projectId: request.projectId },
    select: { ...executionSummarySelect, input: true, output: true, logs: true },
  });
  if (!row) return unknown;
  const { input, output, logs, ...summary } = row;
  return ok({ ...toExecutionJson(summary), input: input ?? null, output: output ?? null, logs: logs as unknown as LogLine[] });
}
