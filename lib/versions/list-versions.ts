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

/** What the listing reads of a version: the summary and the columns the filters look at. */
const FOUND_COLUMNS = Prisma.sql`id, project_id, number, name, description, origin, author, file_count, created_at`;

const SUMMARY_COLUMNS = Prisma.sql`v.id, v.number, v.name, v.description, v.origin, v.author,
  v.file_count AS "fileCount", v.created_at AS "createdAt"`;

/** Versions newest first, a page at a time, optionally narrowed by a search and filters. */
export async function listVersions(
  db: Db,
  options: VersionFilters & { projectId: string; before?: number; limit?: number },
): Promise<VersionPage> {
  const limit = Math.min(Math.max(options.limit ?? VERSION_PAGE_SIZE, 1), MAX_VERSION_PAGE_SIZE);
  const { found, where } = matchingVersions(options.projectId, options);
  const before = options.before === undefined ? Prisma.empty : Prisma.sql`AND v.number < ${options.before}`;
  // One statement, so that a search looks its matches up once for the count and the page.
  const rows = await db.$queryRaw<Array<{ total: number } & (SummaryRow | { [key in keyof SummaryRow]: null })>>`
    ${found}
    SELECT counted.total, page.* FROM (SELECT count(*)::int AS total FROM found AS v WHERE ${where}) AS counted
    LEFT JOIN LATERAL (
      SELECT ${SUMMARY_COLUMNS} FROM found AS v WHERE ${where} ${before} ORDER BY v.number DESC LIMIT ${limit + 1}
    ) AS page ON true`;
  // Without a row on the page, the one row holds the count and nulls.
  const pageRows = rows.filter((row): row is { total: number } & SummaryRow => row.id !== null);
  const items = pageRows
    .slice(0, limit)
    .map(({ id, number, name, description, origin, author, fileCount, createdAt }) =>
      toVersionSummary({ id, number, name, description, origin, author, fileCount, createdAt }),
    );
  const last = items.at(-1);
  return { items, nextBefore: pageRows.length > limit && last ? last.number : null, total: rows[0]?.total ?? 0 };
}

/**
 * Three letters or digits in a row give pg_trgm a trigram to look up; a search without them
 * (one or two characters, "1.0", "%") cannot use the trigram indexes and reads the project's versions.
 */
const TRIGRAM = /[\p{L}\p{N}]{3}/u;

/**
 * `found` (a CTE to select from as `v`) and the condition on it. A search of three letters or
 * more is looked up in the trigram indexes of migration 20261129130100, fenced off in a
 * MATERIALIZED CTE so that the planner cannot move the project's condition inside it: without
 * statistics (the embedded database seldom has fresh ones) it guesses that a project holds a few
 * dozen versions, prefers the project's B-tree and then reads every one of them. The indexes find
 * the matches of all projects; the project and the filters narrow them after.
 */
function matchingVersions(projectId: string, filters: VersionFilters): { found: Prisma.Sql; where: Prisma.Sql } {
  const search = filters.search?.trim();
  const pattern = search ? `%${escapeLike(search)}%` : undefined;
  const indexed = search !== undefined && TRIGRAM.test(search);
  const conditions = [
    Prisma.sql`v.project_id = ${projectId}`,
    ...(pattern && !indexed ? [Prisma.sql`(v.name ILIKE ${pattern} OR v.description ILIKE ${pattern})`] : []),
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
  const found =
    pattern && indexed
      ? Prisma.sql`WITH found AS MATERIALIZED (
          SELECT ${FOUND_COLUMNS} FROM versions WHERE name ILIKE ${pattern} OR description ILIKE ${pattern})`
      : // Read as the table itself, each time with the project's indexes.
        Prisma.sql`WITH found AS NOT MATERIALIZED (SELECT ${FOUND_COLUMNS} FROM versions)`;
  return { found, where: Prisma.join(conditions, " AND ") };
}
