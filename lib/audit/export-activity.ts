import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listEnvironmentNames } from "@/lib/environments/list-environment-names";
import type { ActivityFilters } from "./activity-filters";
import { describeEvent, kindLabel } from "./describe-event";
import { listActivity, type ActivityEvent } from "./list-activity";

export type ExportFormat = "csv" | "jsonl";

export const EXPORT_BATCH_SIZE = 1000;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
};

const CSV_COLUMNS = ["id", "time", "person", "person_id", "kind", "kind_label", "environment", "environment_id", "description", "summary"];

/** One exported event: what the page shows, plus the ids and the stored summary (which never holds a secret value). */
export interface ExportedEvent {
  id: string;
  createdAt: string;
  actorName: string;
  actorId: string | null;
  kind: string;
  kindLabel: string;
  environment: string | null;
  environmentId: string | null;
  description: string;
  summary: Record<string, unknown>;
}

export function toExportedEvent(event: ActivityEvent, environmentNames: ReadonlyMap<string, string>): ExportedEvent {
  const recordedName = typeof event.summary.environment === "string" ? event.summary.environment : null;
  return {
    id: event.id,
    createdAt: event.createdAt.toISOString(),
    actorName: event.actorName,
    actorId: event.actorId,
    kind: event.kind,
    kindLabel: kindLabel(event.kind),
    environment: (event.environmentId && environmentNames.get(event.environmentId)) ?? recordedName,
    environmentId: event.environmentId,
    description: describeEvent(event),
    summary: event.summary,
  };
}

/**
 * A CSV cell (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
 * leading apostrophe, so an actor's name or a version name cannot execute in Excel.
 */
export function csvCell(value: string | null): string {
  let cell = value ?? "";
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\r\n`;
}

export function csvLine(event: ExportedEvent): string {
  const cells = [
    event.id,
    event.createdAt,
    event.actorName,
    event.actorId,
    event.kind,
    event.kindLabel,
    event.environment,
    event.environmentId,
    event.description,
    JSON.stringify(event.summary),
  ];
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** One JSON document per line; JSON.stringify escapes line breaks inside strings, so each event is one line. */
export function jsonLine(event: ExportedEvent): string {
  return `${JSON.stringify(event)}\n`;
}

/**
 * The project's activity (filtered), newest first, as a stream: one keyset page of
 * EXPORT_BATCH_SIZE events is read each time the consumer wants more, so the whole file is
 * never held in memory, and a consumer that goes away stops the reading. Events appended
 * while the export runs are newer than its first page and stay out; the log is append-only,
 * so the export is exactly the log as it was when the export started.
 */
export function streamActivityExport(
  db: PrismaClient,
  options: {
    projectId: string;
    filters: ActivityFilters;
    format: ExportFormat;
    batchSize?: number;
    /** Told of a failure after the response began (the database gone): the download then ends in an error. */
    onError?: (error: unknown) => void;
  },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = options.format === "csv" ? csvLine : jsonLine;
  let environmentNames: Map<string, string> | null = null;
  let before: bigint | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        await next(controller);
      } catch (error) {
        options.onError?.(error);
        controller.error(error);
      }
    },
  });

  async function next(controller: ReadableStreamDefaultController<Uint8Array>) {
    if (!started) {
      started = true;
      const environments = await listEnvironmentNames(db, options.projectId);
      environmentNames = new Map(environments.map((environment) => [environment.id, environment.name]));
      if (options.format === "csv") controller.enqueue(encoder.encode(csvHeader()));
    }
    const page = await listActivity(db, {
      projectId: options.projectId,
      filters: options.filters,
      cursor: before === undefined ? {} : { before },
      limit: options.batchSize ?? EXPORT_BATCH_SIZE,
    });
    const names = environmentNames ?? new Map<string, string>();
    if (page.items.length > 0) controller.enqueue(encoder.encode(page.items.map((event) => line(toExportedEvent(event, names))).join("")));
    if (page.olderBefore === null) controller.close();
    else before = BigInt(page.olderBefore);
  }
}

/** `draftline-<slug>-activity-<YYYY-MM-DD>.csv`: safe in a Content-Disposition header as it is (slugs are [a-z0-9-]). */
export function exportFileName(slug: string, format: ExportFormat, now: Date): string {
  return `draftline-${slug}-activity-${now.toISOString().slice(0, 10)}.${format}`;
}
