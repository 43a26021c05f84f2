import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { executionSummarySelect, toExecutionJson, type ExecutionJson, type ExecutionStatus, type ExecutionTrigger } from "./execution-json";

export const EXECUTIONS_PAGE_SIZE = 100;

export interface ExecutionFilters {
  status?: ExecutionStatus;
  trigger?: ExecutionTrigger;
  versionNumber?: number;
}

/** An environment's newest executions (up to 100), optionally only those of a status, trigger or version. */
export async function listExecutions(
  db: Db,
  request: { projectId: string; environmentId: string } & ExecutionFilters,
): Promise<Result<ExecutionJson[]>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const environment = await db.environment.findFirst({ where: { id: request.environmentId, projectId: request.projectId }, select: { id: true } });
  if (!environment) return unknownEnvironment;
  const rows = await db.execution.findMany({
    where: {
      environmentId: environment.id,
      ...(request.status ? { status: request.status } : {}),
      ...(request.trigger ? { trigger: request.trigger } : {}),
      ...(request.versionNumber ? { versionNumber: request.versionNumber } : {}),
    },
    orderBy: [{ queuedAt: "desc" }, { id: "desc" }],
    take: EXECUTIONS_PAGE_SIZE,
    select: executionSummarySelect,
  });
  return ok(rows.map(toExecutionJson));
}
