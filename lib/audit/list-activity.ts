import type { Db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { dayRange, NO_ACCOUNT, type ActivityCursor, type ActivityFilters } from "./activity-filters";

export const ACTIVITY_PAGE_SIZE = 50;
export const MAX_ACTIVITY_PAGE_SIZE = 1000;

export interface ActivityEvent {
  /** The event's id (a bigint, as text): newer events have higher ids. */
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorName: string;
  kind: string;
  environmentId: string | null;
  summary: Record<string, unknown>;
}

export interface ActivityPage {
  /** Newest first. */
  items: ActivityEvent[];
  /** Pass as `before` for the next (older) page; null when there is none. */
  olderBefore: string | null;
  /** Pass as `after` for the previous (newer) page; null when there is none. */
  newerAfter: string | null;
}

const eventSelect = {
  id: true,
  createdAt: true,
  actorId: true,
  actorName: true,
  kind: true,
  environmentId: true,
  summary: true,
} as const satisfies Prisma.AuditEventSelect;

/**
 * One page of a project's activity, newest first, by keyset on the event id: `before` pages
 * to older events, `after` back to newer ones, and every event of the log appears on exactly
 * one page whatever is appended meanwhile. Each filter maps to an index that starts with
 * (project_id, <filter>, id), so a page reads about `limit` index entries (see the bench).
 */
export async function listActivity(
  db: PrismaClient,
  options: { projectId: string; filters?: ActivityFilters; cursor?: ActivityCursor; limit?: number },
): Promise<ActivityPage> {
  const limit = Math.min(Math.max(options.limit ?? ACTIVITY_PAGE_SIZE, 1), MAX_ACTIVITY_PAGE_SIZE);
  const where = activityWhere(options.projectId, options.filters ?? {});
  const { before, after } = options.cursor ?? {};
  const backwards = after !== undefined && before === undefined;
  const bounds = await dayRangeIds(db, options.projectId, options.filters ?? {});
  const id = {
    ...(maxOf(bounds.gt, after) !== undefined ? { gt: maxOf(bounds.gt, after) } : {}),
    ...(minOf(bounds.lt, before) !== undefined ? { lt: minOf(bounds.lt, before) } : {}),
  };
  const [, rows] = await db.$transaction([
    // Without fresh statistics (PGlite never analyzes by itself) the planner guesses that a
    // filter matches a handful of rows, collects all of them and sorts; a filter matching a
    // fifth of 100,000 events then takes hundreds of milliseconds. Read in index order instead:
    // every filter has an index ending in id, so the page stops after `limit` matches.
    db.$executeRaw`SET LOCAL enable_bitmapscan = off`,
    db.auditEvent.findMany({
      where: Object.keys(id).length > 0 ? { ...where, id } : where,
      select: eventSelect,
      orderBy: { id: backwards ? "asc" : "desc" },
      take: limit + 1,
    }),
  ]);
  const more = rows.length > limit;
  // Back at the newest events: the first page, full, rather than the few newer than the cursor.
  if (backwards && !more) return listActivity(db, { ...options, cursor: {} });
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const items = page.map(toActivityEvent);
  const first = items[0];
  const last = items.at(-1);
  return {
    items,
    olderBefore: last && (backwards || more) ? last.id : null,
    newerAfter: first && (backwards || before !== undefined) ? first.id : null,
  };
}

export function activityWhere(projectId: string, filters: ActivityFilters): Prisma.AuditEventWhereInput {
  const range = dayRange(filters);
  return {
    projectId,
    ...(filters.person ? { actorId: filters.person === NO_ACCOUNT ? null : filters.person } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.environmentId ? { environmentId: filters.environmentId } : {}),
    ...(range.gte || range.lt ? { createdAt: range } : {}),
  };
}

/**
 * Bounds on the id for a day range, so a page of it reads the (project_id, …, id) indexes in
 * id order instead of collecting the whole range by time and sorting it. Ids follow time
 * except inside one transaction's lifetime (created_at is when it began, the id when it
 * inserted); transactions end within TRANSACTION_SLACK_MS (Prisma's timeout is 30 s), so every
 * event older by id than one that began SLACK before `from` began before `from`, and likewise
 * after `to`. The exact created_at conditions stay in the query.
 */
async function dayRangeIds(db: Db, projectId: string, filters: ActivityFilters): Promise<{ gt?: bigint; lt?: bigint }> {
  const range = dayRange(filters);
  const [lower, upper] = await Promise.all([
    range.gte &&
      db.auditEvent.findFirst({
        where: { projectId, createdAt: { lt: new Date(range.gte.getTime() - TRANSACTION_SLACK_MS) } },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      }),
    range.lt &&
      db.auditEvent.findFirst({
        where: { projectId, createdAt: { gte: new Date(range.lt.getTime() + TRANSACTION_SLACK_MS) } },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      }),
  ]);
  return { gt: lower?.id, lt: upper?.id };
}

const TRANSACTION_SLACK_MS = 60 * 60 * 1000;

function maxOf(a: bigint | undefined, b: bigint | undefined) {
  return a === undefined ? b : b === undefined || a > b ? a : b;
}

function minOf(a: bigint | undefined, b: bigint | undefined) {
  return a === undefined ? b : b === undefined || a < b ? a : b;
}

function toActivityEvent(row: Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>): ActivityEvent {
  const summary = row.summary !== null && typeof row.summary === "object" && !Array.isArray(row.summary) ? row.summary : {};
  return { ...row, id: row.id.toString(), summary };
}
