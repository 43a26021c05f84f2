import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { readEnvironmentSettingsForRun } from "@/lib/environments/read-environment-secrets";
import { fail, ok, type Result } from "@/lib/result";
import { allowedHostsOf } from "./allowed-hosts";
import { serverAppUrl } from "./app-url";
import { claimExecution, type ClaimedExecution } from "./claim-execution";
import { executionSummarySelect, toExecutionJson, type ExecutionJson } from "./execution-json";
import type { RetryPolicy } from "./integration-config";
import { loadWorkflow } from "./load-workflow";
import { resolveRunEnv } from "./resolve-run-env";
import { runInWorker, WORKER_GRACE_MS } from "./run-in-worker";
import type { SandboxResult } from "./run-in-sandbox";
import type { RunError } from "./sandbox-errors";
import type { LogLine } from "./sandbox-logs";

/** Runs one queued execution now (claiming it first), whatever the queue's limits: for tests and scripts. */
export async function runExecution(db: PrismaClient, executionId: string): Promise<Result<ExecutionJson>> {
  const claimed = await claimExecution(db, { executionId, perEnvironmentLimit: Number.MAX_SAFE_INTEGER });
  if (!claimed) return fail("conflict", "This execution is not waiting to run: it is running or has finished.");
  return runClaimedExecution(db, claimed);
}

/** How an attempt ended, as recordOutcome writes it. */
export interface Outcome {
  status: "succeeded" | "failed" | "timed_out";
  error?: RunError;
  output?: unknown;
  logs: LogLine[];
  durationMs: number;
  /** A failure the next attempt cannot change (integration.yaml, the bundle, a secret), so no retry. */
  final?: boolean;
}

/**
 * Runs a claimed execution on the version it was queued with (never the environment's current
 * one), with the environment's settings and integration.yaml's connection variables as
 * `context.env` (resolveRunEnv) and fetch allowed to the hosts of the URLs among them, in a
 * worker thread; then records the outcome, or queues the next attempt after a backoff when
 * integration.yaml's retries allow one. Only the attempt that holds the claim writes.
 */
export async function runClaimedExecution(db: PrismaClient, claimed: ClaimedExecution): Promise<Result<ExecutionJson>> {
  const execution = await db.execution.findUniqueOrThrow({
    where: { id: claimed.id },
    select: { projectId: true, environmentId: true, versionId: true, workflow: true, input: true },
  });
  const started = performance.now();
  const outcome = await attempt(db, claimed, execution).catch((error: unknown): Outcome => ({
    status: "failed",
    error: { name: "InternalError", message: `The run could not be carried out: ${error instanceof Error ? error.message : String(error)}` },
    logs: [],
    durationMs: Math.round(performance.now() - started),
  }));
  return recordOutcome(db, claimed, outcome);
}

async function attempt(
  db: PrismaClient,
  claimed: ClaimedExecution,
  execution: { projectId: string; environmentId: string; versionId: string; workflow: string; input: Prisma.JsonValue },
): Promise<Outcome & { retries?: RetryPolicy }> {
  const loaded = await loadWorkflow(db, execution);
  if (!loaded.ok) return { status: "failed", error: { message: loaded.error.message }, logs: [], durationMs: 0, final: true };
  const { files, config, workflow } = loaded.value;
  const settings = await readEnvironmentSettingsForRun(db, execution);
  if (!settings.ok) return { status: "failed", error: { message: settings.error.message }, logs: [], durationMs: 0, final: true };
  const env = resolveRunEnv({ environment: settings.value.name, settings: settings.value.settings, config, appUrl: serverAppUrl() });
  if (!env.ok) return { status: "failed", error: { message: env.error.message }, logs: [], durationMs: 0, final: true };
  // The lease now covers the whole run: a worker that dies lets it lapse and the run is recovered.
  await db.$executeRaw`UPDATE executions SET lease_expires_at = now() + make_interval(secs => ${(workflow.timeoutMs + WORKER_GRACE_MS) / 1000 + 60})
    WHERE id = ${claimed.id} AND attempt = ${claimed.attempt} AND status = 'running'`;
  const reply = await runInWorker({
    files: [...files],
    entry: workflow.entry,
    options: {
      env: env.value,
      input: execution.input ?? undefined,
      retries: config.retries,
      allowedHosts: allowedHostsOf(env.value),
      limits: { timeMs: workflow.timeoutMs },
    },
  });
  if (reply.kind === "bundle_failed") return { status: "failed", error: { message: reply.message }, logs: [], durationMs: 0, final: true };
  if (reply.kind === "crashed") return { status: "failed", error: { name: "InternalError", message: reply.message }, logs: [], durationMs: 0, retries: config.retries };
  return { ...fromSandbox(reply.result), retries: config.retries };
}

function fromSandbox(result: SandboxResult): Outcome {
  return {
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
    ...(result.output === undefined ? {} : { output: result.output }),
    logs: result.logs,
    durationMs: result.durationMs,
  };
}

/**
 * Finishes a claimed attempt: its outcome, or the next attempt queued after the backoff. Also the
 * queue benchmark's finish step (scripts/bench/queue.ts), with an outcome of its own.
 */
export async function recordOutcome(db: PrismaClient, claimed: ClaimedExecution, outcome: Outcome & { retries?: RetryPolicy }): Promise<Result<ExecutionJson>> {
  const current = await db.execution.findUniqueOrThrow({ where: { id: claimed.id }, select: { maxAttempts: true } });
  const retry = outcome.status !== "succeeded" && !outcome.final && claimed.attempt < current.maxAttempts;
  const common = {
    error: outcome.error ? (outcome.error as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
    output: outcome.output === undefined ? Prisma.DbNull : (outcome.output as Prisma.InputJsonValue),
    logs: outcome.logs as unknown as Prisma.InputJsonValue,
    durationMs: outcome.durationMs,
    leaseExpiresAt: null,
  };
  const data = retry
    ? { ...common, status: "queued", runAfter: new Date(Date.now() + backoffMs(outcome.retries, claimed.attempt)) }
    : { ...common, status: outcome.status, finishedAt: new Date() };
  // Written only if this attempt still holds the run: a worker given up for dead never overwrites its successor.
  const updated = await db.execution.updateMany({ where: { id: claimed.id, attempt: claimed.attempt, status: "running" }, data });
  if (updated.count === 0) return fail("conflict", "This attempt was given up for lost and the run was taken over; its outcome was not recorded.");
  return ok(toExecutionJson(await db.execution.findUniqueOrThrow({ where: { id: claimed.id }, select: executionSummarySelect })));
}

/** Doubles from integration.yaml's initial backoff after each attempt, up to its maximum. */
export function backoffMs(retries: RetryPolicy | undefined, attempt: number): number {
  if (!retries) return 0;
  return Math.min(retries.initialBackoffMs * 2 ** Math.max(0, attempt - 1), retries.maxBackoffMs);
}
