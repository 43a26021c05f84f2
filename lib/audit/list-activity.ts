import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
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
  db: Db,
  options: { projectId: string; filters?: ActivityFilters; cursor?: ActivityCursor; limit?: number },
): Promise<ActivityPage> {
  const limit = Math.min(Math.max(options.limit ?? ACTIVITY_PAGE_SIZE, 1), MAX_ACTIVITY_PAGE_SIZE);
  const where = activityWhere(options.projectId, options.filters ?? {});
  const { before, after } = options.cursor ?? {};
  const backwards = after !== undefined && before === undefined;
  const rows = await db.auditEvent.findMany({
    where: before !== undefined ? { ...where, id: { lt: before } } : after !== undefined ? { ...where, id: { gt: after } } : where,
    select: eventSelect,
    orderBy: { id: backwards ? "asc" : "desc" },
    take: limit + 1,
  });
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

function toActivityEvent(row: Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>): ActivityEvent {
  const summary = row.summary !== null && typeof row.summary === "object" && !Array.isArray(row.summary) ? row.summary : {};
  return { ...row, id: row.id.toString(), summary };
}
