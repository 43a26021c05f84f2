import { describeBytes } from "./sandbox-limits";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface LogLine {
  at: string;
  level: LogLevel;
  message: string;
  fields?: Record<string, unknown>;
}

/** Collects a run's log lines up to a byte budget, then one line saying the rest was dropped. */
export class LogCollector {
  readonly lines: LogLine[] = [];
  private bytes = 0;
  private truncated = false;

  constructor(private readonly limitBytes: number) {}

  /** Answers false once the budget is spent, so the guest may stop formatting lines. */
  add(level: LogLevel, message: string, fieldsJson?: string): boolean {
    if (this.truncated) return false;
    const size = Buffer.byteLength(message) + (fieldsJson ? Buffer.byteLength(fieldsJson) : 0);
    if (this.bytes + size > this.limitBytes) {
      this.truncated = true;
      this.lines.push({
        at: new Date().toISOString(),
        level: "warn",
        message: `Logs truncated: this run wrote more than ${describeBytes(this.limitBytes)} of logs, the rest was dropped`,
      });
      return false;
    }
    this.bytes += size;
    const line: LogLine = { at: new Date().toISOString(), level, message };
    const fields = fieldsJson === undefined ? undefined : (JSON.parse(fieldsJson) as unknown);
    if (fields !== null && typeof fields === "object" && !Array.isArray(fields)) line.fields = fields as Record<string, unknown>;
    else if (fields !== undefined) line.fields = { value: fields };
    this.lines.push(line);
    return true;
  }
}
