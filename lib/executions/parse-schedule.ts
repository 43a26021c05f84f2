import { Cron } from "croner";

export type Schedule =
  | { kind: "manual" }
  | { kind: "cron"; expression: string }
  | { kind: "every"; intervalMs: number };

const EVERY_UNIT_MS = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * A workflow's schedule: "manual", "every 5 minutes" or a cron expression ("*\/5 * * * *").
 * Answers a message for people when the text is none of these.
 */
export function parseSchedule(text: string): { ok: true; schedule: Schedule } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === "manual") return { ok: true, schedule: { kind: "manual" } };
  const every = /^every\s+(\d+)?\s*(second|minute|hour|day)s?$/i.exec(trimmed);
  if (every) {
    const count = every[1] === undefined ? 1 : Number(every[1]);
    if (count < 1) return { ok: false, message: `"${trimmed}" repeats never: use a count of 1 or more` };
    const intervalMs = count * EVERY_UNIT_MS[(every[2] ?? "").toLowerCase() as keyof typeof EVERY_UNIT_MS];
    if (intervalMs < 60_000) return { ok: false, message: `"${trimmed}" is too often: a workflow runs at most once a minute` };
    return { ok: true, schedule: { kind: "every", intervalMs } };
  }
  try {
    new Cron(trimmed, { paused: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `"${trimmed}" is not a schedule: write "manual", "every 5 minutes" or a cron expression such as "*/5 * * * *" (${reason})`,
    };
  }
  if (trimmed.split(/\s+/).length > 5) {
    return { ok: false, message: `"${trimmed}" has a seconds field: schedules use five cron fields, at most once a minute` };
  }
  return { ok: true, schedule: { kind: "cron", expression: trimmed } };
}
