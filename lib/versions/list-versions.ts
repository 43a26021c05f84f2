import type { Db } from "@/lib/db/client";
import { escapeLike } from "@/lib/db/escape-like";
import { Prisma } from "@/lib/generated/prisma/client";
import { toVersionSummary, type VersionOrigin, type VersionSummary } from "./version-summary";

export interface VersionPage {
  items: VersionSummary[];
  /** Pass back as `before` to get the next (older) page; null on the last page. */
  nextBefore: number | null;
  total: number;
}

export const VERSION_PAGE_SIZE = 50;
export const MAX_VERSION_PAGE_SIZE = 200;

/** Narrowing of the list; every filter given must hold (and the search match). */
export interface VersionFilters {
  /** Name or description contains it, ignoring case. */
  search?: string;
  /** The name of the environment whose active version it is ("running in production"). */
  environment?: string;
  origin?: VersionOrigin;
  /** Exactly this author. */
  author?: string;
}

type SummaryRow = Omit<VersionSummary, "origin"> & { origin: string };

/** What the listing reads of a version: what it shows and what the filters look at. */
const CANDIDATE_COLUMNS = Prisma.sql`id, project_id, number, name, description, origin, author, file_count, created_at`;
const MATCH_COLUMNS = Prisma.sql`v.id, v.number, v.name, v.description, v.origin, v.author, v.file_count, v.created_at`;
const SUMMARY_COLUMNS = Prisma.sql`v.id, v.number, v.name, v.description, v.origin, v.author,
  v.file_count AS "fileCount", v.created_at AS "createdAt"`;

type ListOptions = VersionFilters & { projectId: string; before?: number; limit?: number };

/** Versions newest first, a page at a time, optionally narrowed by a search and filters. */
export async function listVersions(db: Db, options: ListOptions): Promise<VersionPage> {
  const limit = pageSize(options);
  const rows = await db.$queryRaw<Array<{ total: number } & (SummaryRow | { [key in keyof SummaryRow]: null })>>(versionPageSql(options));
  const pageRows = rows.filter((row): row is { total: number } & SummaryRow => row.id !== null);
  const items = pageRows
    .slice(0, limit)
    .map(({ id, number, name, description, origin, author, fileCount, createdAt }) =>
      toVersionSummary({ id, number, name, description, origin, author, fileCount, createdAt }),
    );
  const last = items.at(-1);
  return { items, nextBefore: pageRows.length > limit && last ? last.number : null, total: rows[0]?.total ?? 0 };
}

const pageSize = (options: ListOptions) => Math.min(Math.max(options.limit ?? VERSION_PAGE_SIZE, 1), MAX_VERSION_PAGE_SIZE);

/**
 * The page (one row more than asked, to tell whether another follows), each row with the count
 * of all matches; one row of nulls and the count when the page is empty. One statement, so that
 * a search looks its matches up once for both. Exported for the test of its query plan.
 */
export function versionPageSql(options: ListOptions): Prisma.Sql {
  const { candidates, fenced, where } = matchingVersions(options.projectId, options);
  // A search's candidates and matches are computed once and read twice; otherwise both are read
  // as the table itself, each time through the project's indexes.
  const fence = fenced ? Prisma.sql`MATERIALIZED` : Prisma.sql`NOT MATERIALIZED`;
  const before = options.before === undefined ? Prisma.empty : Prisma.sql`WHERE v.number < ${options.before}`;
  return Prisma.sql`
    WITH candidates AS ${fence} (${candidates}),
    matches AS ${fence} (SELECT ${MATCH_COLUMNS} FROM candidates AS v WHERE ${where})
    SELECT counted.total, page.* FROM (SELECT count(*)::int AS total FROM matches) AS counted
    LEFT JOIN LATERAL (
      SELECT ${SUMMARY_COLUMNS} FROM matches AS v ${before} ORDER BY v.number DESC LIMIT ${pageSize(options) + 1}
    ) AS page ON true`;
}

/**
 * The part of a search the trigram indexes look up: its longest run of letters and digits, at
 * most PROBE_LENGTH of them. pg_trgm makes trigrams of letters and digits only, so a search
 * without three in a row (one or two characters, "1.0", "%") has none and reads the project's
 * versions instead. Without statistics the planner charges the same for every trigram of the
 * pattern, so a whole long search ("Added retry logic to order sync") would look dearer than
 * reading the table; a few characters of its longest word find few candidates, and the whole
 * search is checked on those.
 */
function indexProbe(search: string): string | undefined {
  const words = search.match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  const longest = words.reduce((best, word) => (word.length > best.length ? word : best), "");
  return longest ? `%${longest.slice(0, PROBE_LENGTH)}%` : undefined;
}

/** Four trigrams: selective enough for a handful of candidates, cheap enough in the planner's eyes. */
const PROBE_LENGTH = 6;

/**
 * The versions to consider and the condition they must meet. A search that has a probe
 * (indexProbe) looks it up in the trigram indexes of migration 20261129130100, fenced off in a
 * MATERIALIZED CTE so that the planner cannot move the project's condition inside it: without
 * statistics (the embedded database seldom has fresh ones) it guesses that a project holds a few
 * dozen versions, prefers the project's B-tree and then reads every one of them. The indexes find
 * candidates in all projects; the whole search, the project and the filters narrow them after.
 */
function matchingVersions(projectId: string, filters: VersionFilters) {
  const search = filters.search?.trim();
  const probe = search ? indexProbe(search) : undefined;
  const pattern = search ? `%${escapeLike(search)}%` : undefined;
  const conditions = [
    Prisma.sql`v.project_id = ${projectId}`,
    // A probe that is the whole search has been checked already.
    ...(pattern && pattern !== probe ? [Prisma.sql`(v.name ILIKE ${pattern} OR v.description ILIKE ${pattern})`] : []),
    // Through the environment's pointer, so only the project's own environments can match.
    ...(filters.environment
      ? [
          Prisma.sql`EXISTS (SELECT 1 FROM environments AS e
            WHERE e.active_version_id = v.id AND e.project_id = ${projectId} AND e.name = ${filters.environment})`,
        ]
      : []),
    ...(filters.origin ? [Prisma.sql`v.origin = ${filters.origin}`] : []),
    ...(filters.author ? [Prisma.sql`v.author = ${filters.author}`] : []),
  ];
  return {
    candidates: probe
      ? Prisma.sql`SELECT ${CANDIDATE_COLUMNS} FROM versions WHERE name ILIKE ${probe} OR description ILIKE ${probe}`
      : Prisma.sql`SELECT ${CANDIDATE_COLUMNS} FROM versions`,
    fenced: probe !== undefined,
    where: Prisma.join(conditions, " AND "),
  };
}
