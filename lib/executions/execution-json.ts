import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunError } from "./sandbox-errors";
import type { LogLine } from "./sandbox-logs";

export const EXECUTION_STATUSES = ["queued", "running", "succeeded", "failed", "timed_out"] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
export const EXECUTION_TRIGGERS = ["manual", "http", "schedule"] as const;
export type ExecutionTrigger = (typeof EXECUTION_TRIGGERS)[number];

export function isActive(status: ExecutionStatus) {
  return status === "queued" || status === "running";
}

/** An execution as lists show it (dates as ISO strings). */
export interface ExecutionJson {
  id: string;
  environmentId: string;
  versionId: string;
  versionNumber: number;
  versionName: string;
  workflow: string;
  trigger: ExecutionTrigger;
  startedBy: string | null;
  status: ExecutionStatus;
  attempt: number;
  maxAttempts: number;
  error: RunError | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

/** One execution with what it ran on and what it wrote. */
export interface ExecutionDetailJson extends ExecutionJson {
  input: unknown;
  output: unknown;
  logs: LogLine[];
}

export const executionSummarySelect = {
  id: true,
  environmentId: true,
  versionId: true,
  versionNumber: true,
  versionName: true,
  workflow: true,
  trigger: true,
  startedBy: true,
  status: true,
  attempt: true,
  maxAttempts: true,
  error: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
} as const;

type ExecutionRow = Prisma.ExecutionGetPayload<{ select: typeof executionSummarySelect }>;

export function toExecutionJson(row: ExecutionRow): ExecutionJson {
  return {
    ...row,
    trigger: row.trigger as ExecutionTrigger,
    status: row.status as ExecutionStatus,
    error: (row.error ?? null) as RunError | null,
    queuedAt: row.queuedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
