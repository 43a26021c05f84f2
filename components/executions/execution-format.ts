import type { ExecutionStatus, ExecutionTrigger } from "@/lib/executions/execution-json";

export const STATUS_LABELS: Record<ExecutionStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  timed_out: "Timed out",
};

export const TRIGGER_LABELS: Record<ExecutionTrigger, string> = { manual: "Manual", http: "HTTP", schedule: "Schedule" };

/** "820 ms", "4.2 s", "3 min 5 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
