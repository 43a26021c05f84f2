import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { isId } from "@/lib/ids";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import { executionSummarySelect, toExecutionJson, type ExecutionJson, type ExecutionTrigger } from "./execution-json";
import { loadWorkflow } from "./load-workflow";
import { MAX_INPUT_BYTES } from "./schemas";

export interface QueueExecutionRequest {
  projectId: string;
  environmentId: string;
  workflow: string;
  trigger: ExecutionTrigger;
  input?: unknown;
  /** The person who started it (manual runs); none for HTTP and schedules. */
  startedBy?: Actor | null;
  /** A schedule's tick: the run is queued for this moment. */
  runAfter?: Date;
}

/**
 * Queues a run of a workflow on the environment's active version as it is now: the run keeps
 * that version whatever is deployed before it starts or while it runs. A run a person starts
 * opens its own transaction (row and activity event), so pass the client, not a transaction.
 */
export async function queueExecution(db: Db, request: QueueExecutionRequest): Promise<Result<ExecutionJson>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const inputText = request.input === undefined ? undefined : JSON.stringify(request.input);
  if (inputText !== undefined && Buffer.byteLength(inputText) > MAX_INPUT_BYTES) {
    return fail("too_large", `The input is larger than ${MAX_INPUT_BYTES / 1024} KB.`, { input: "Keep the input under 64 KB." });
  }
  const environment = await db.environment.findFirst({
    where: { id: request.environmentId, projectId: request.projectId },
    select: { id: true, name: true, activeVersion: { select: { id: true, number: true, name: true } } },
  });
  if (!environment) return unknownEnvironment;
  const version = environment.activeVersion;
  if (!version) return fail("conflict", `Nothing is deployed to ${environment.name} yet, so there is nothing to run.`);
  const loaded = await loadWorkflow(db, { projectId: request.projectId, versionId: version.id, workflow: request.workflow });
  if (!loaded.ok) return loaded;
  const startedBy = request.startedBy ?? null;
  const write = async (tx: Prisma.TransactionClient) => {
    const row = await tx.execution.create({
      data: {
        id: randomUUID(),
        projectId: request.projectId,
        environmentId: environment.id,
        versionId: version.id,
        versionNumber: version.number,
        versionName: version.name,
        workflow: loaded.value.workflow.name,
        trigger: request.trigger,
        startedById: startedBy?.id ?? null,
        startedBy: startedBy?.name ?? null,
        input: inputText === undefined ? undefined : (JSON.parse(inputText) as Prisma.InputJsonValue),
        maxAttempts: loaded.value.config.retries.maxAttempts,
        logs: [],
        ...(request.runAfter ? { queuedAt: request.runAfter, runAfter: request.runAfter } : {}),
      },
      select: executionSummarySelect,
    });
    // A person's run is theirs to answer for; HTTP calls and schedules are the system's and are
    // listed on the Executions page itself.
    if (startedBy) {
      await recordEvent(tx, {
        projectId: request.projectId,
        environmentId: environment.id,
        actor: startedBy,
        kind: "execution.queued",
        summary: { executionId: row.id, workflow: row.workflow, environment: environment.name, version: { id: version.id, number: version.number, name: version.name } },
      });
    }
    return row;
  };
  // A person's run writes its row and its event together; a run nobody started (HTTP, a
  // schedule's tick, queued inside the scheduler's own transaction) is the one row.
  const row = startedBy ? await (db as PrismaClient).$transaction(write) : await write(db);
  return ok(toExecutionJson(row));
}
