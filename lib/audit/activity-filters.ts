import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";

/** The person filter's value for events no account made (the system, or a person before sign-in existed). */
export const NO_ACCOUNT = "none";

/** What the activity page and its exports narrow the log to; every filter given must hold. */
export interface ActivityFilters {
  /** A user id, or NO_ACCOUNT. */
  person?: string;
  kind?: string;
  environmentId?: string;
  /** First day included, `YYYY-MM-DD` (UTC). */
  from?: string;
  /** Last day included, `YYYY-MM-DD` (UTC). */
  to?: string;
}

/** Where to continue: events older than `before`, or newer than `after` (ids of events). */
export interface ActivityCursor {
  before?: bigint;
  after?: bigint;
}

const KIND_PATTERN = /^[a-z_]+(\.[a-z_]+)*$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const CURSOR_PATTERN = /^[1-9]\d{0,18}$/;
const FILTER_PARAMS = ["person", "kind", "environment", "from", "to"] as const;

type Params = { get(name: string): string | null };

/** The filters of a URL's query (`person`, `kind`, `environment`, `from`, `to`); empty values mean "not given". */
export function parseActivityFilters(params: Params): Result<ActivityFilters> {
  const [person, kind, environmentId, from, to] = FILTER_PARAMS.map((name) => params.get(name) || undefined);
  if (person !== undefined && person !== NO_ACCOUNT && !/^[A-Za-z0-9_-]{1,100}$/.test(person)) {
    return fail("invalid", "This person filter is not valid.");
  }
  if (kind !== undefined && (kind.length > 100 || !KIND_PATTERN.test(kind))) return fail("invalid", "This kind of event is not valid.");
  if (environmentId !== undefined && !isId(environmentId)) return fail("invalid", "This environment filter is not valid.");
  for (const [label, day] of [["From", from], ["To", to]] as const) {
    if (day !== undefined && !isDay(day)) return fail("invalid", `${label} must be a date like 2026-11-29.`);
  }
  if (from && to && from > to) return fail("invalid", "The date range ends before it starts: choose a To date on or after From.");
  return ok(withoutEmpty({ person, kind, environmentId, from, to }));
}

/** `before` / `after` of a URL's query, each an event id. */
export function parseActivityCursor(params: Params): Result<ActivityCursor> {
  const cursor: ActivityCursor = {};
  for (const name of ["before", "after"] as const) {
    const raw = params.get(name);
    if (!raw) continue;
    if (!CURSOR_PATTERN.test(raw)) return fail("invalid", `\`${name}\` must be the id of an event.`);
    cursor[name] = BigInt(raw);
  }
  if (cursor.before !== undefined && cursor.after !== undefined) return fail("invalid", "Give `before` or `after`, not both.");
  return ok(cursor);
}

/** The query string for filters (and a cursor), the inverse of the parsers: `?kind=…&from=…`, or "" when none. */
export function activityQuery(filters: ActivityFilters, cursor: { before?: string; after?: string } = {}): string {
  const params = new URLSearchParams();
  const values: Record<(typeof FILTER_PARAMS)[number], string | undefined> = {
    person: filters.person,
    kind: filters.kind,
    environment: filters.environmentId,
    from: filters.from,
    to: filters.to,
  };
  for (const name of FILTER_PARAMS) if (values[name]) params.set(name, values[name]);
  if (cursor.before) params.set("before", cursor.before);
  if (cursor.after) params.set("after", cursor.after);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasActivityFilters(filters: ActivityFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** The instants a day range covers: from the start of `from` up to, not including, the day after `to` (UTC). */
export function dayRange(filters: ActivityFilters): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filters.from) range.gte = new Date(`${filters.from}T00:00:00.000Z`);
  if (filters.to) range.lt = new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + 24 * 3600 * 1000);
  return range;
}

function isDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function withoutEmpty(filters: ActivityFilters): ActivityFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as ActivityFilters;
}
