import { describeBytes, type SandboxLimits } from "./sandbox-limits";

export interface RunError {
  message: string;
  name?: string;
  stack?: string;
}

/** A value the workflow threw (dumped out of QuickJS) as an error people can read. */
export function describeThrown(thrown: unknown): RunError {
  if (thrown !== null && typeof thrown === "object" && typeof (thrown as { message?: unknown }).message === "string") {
    const { message, name, stack } = thrown as { message: string; name?: unknown; stack?: unknown };
    return {
      message,
      ...(typeof name === "string" ? { name } : {}),
      ...(typeof stack === "string" && stack.trim() !== "" ? { stack } : {}),
    };
  }
  return { message: `The workflow threw ${preview(thrown)} instead of an Error` };
}

/** Names the limit a QuickJS error stands for, keeping the original name and stack. */
export function explainLimit(error: RunError, limits: SandboxLimits): RunError {
  if (error.name === "InternalError" && error.message === "out of memory") {
    return { ...error, message: `The workflow ran out of memory: it may use at most ${describeBytes(limits.memoryBytes)}` };
  }
  if (error.name === "InternalError" && error.message === "stack overflow") {
    return {
      ...error,
      message: `The workflow ran out of stack (${describeBytes(limits.stackBytes)}): is a function calling itself without end?`,
    };
  }
  return error;
}

export function describeDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

function preview(value: unknown): string {
  if (value === undefined) return "undefined";
  try {
    const text = JSON.stringify(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
}
