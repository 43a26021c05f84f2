import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toVersionSummary, versionSummarySelect, type VersionOrigin, type VersionSummary } from "./version-summary";
import { escapeLike } from "@/lib/db/escape-like";

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

/** Versions newest first, a page at a time, optionally narrowed by a search and filters. */
export async function listVersions(
  db: Db,
  options: VersionFilters & { projectId: string; before?: number; limit?: number },
): Promise<VersionPage> {
  const limit = Math.min(Math.max(options.limit ?? VERSION_PAGE_SIZE, 1), MAX_VERSION_PAGE_SIZE);
  const where = versionFilterWhere(options.projectId, options);
  const [rows, total] = await Promise.all([
    db.version.findMany({
      where: options.before === undefined ? where : { ...where, number: { lt: options.before } },
      select: versionSummarySelect,
      orderBy: { number: "desc" },
      take: limit + 1,
    }),
    db.version.count({ where }),
  ]);
  const items = rows.slice(0, limit).map(toVersionSummary);
  const last = items.at(-1);
  return { items, nextBefore: rows.length > limit && last ? last.number : null, total };
}

function versionFilterWhere(projectId: string, filters: VersionFilters): Prisma.VersionWhereInput {
  const search = filters.search?.trim();
  return {
    projectId,
    ...(search
      ? {
          OR: [
            { name: { contains: escapeLike(search), mode: "insensitive" } },
            { description: { contains: escapeLike(search), mode: "insensitive" } },
          ],
        }
      : {}),
    // Through the environment's pointer, so only the project's own environments can match.
    ...(filters.environment ? { activeIn: { some: { projectId, name: filters.environment } } } : {}),
    ...(filters.origin ? { origin: filters.origin } : {}),
    ...(filters.author ? { author: filters.author } : {}),
  };
}
