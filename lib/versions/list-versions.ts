import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toVersionSummary, versionSummarySelect, type VersionSummary } from "./version-summary";
import { escapeLike } from "@/lib/db/escape-like";

export interface VersionPage {
  items: VersionSummary[];
  /** Pass back as `before` to get the next (older) page; null on the last page. */
  nextBefore: number | null;
  total: number;
}

export const VERSION_PAGE_SIZE = 50;
export const MAX_VERSION_PAGE_SIZE = 200;

/** Versions newest first, a page at a time, optionally filtered by name or description. */
export async function listVersions(
  db: Db,
  options: { projectId: string; search?: string; before?: number; limit?: number },
): Promise<VersionPage> {
  const limit = Math.min(Math.max(options.limit ?? VERSION_PAGE_SIZE, 1), MAX_VERSION_PAGE_SIZE);
  const search = options.search?.trim();
  const where: Prisma.VersionWhereInput = {
    projectId: options.projectId,
    ...(search
      ? {
          OR: [
            { name: { contains: escapeLike(search), mode: "insensitive" } },
            { description: { contains: escapeLike(search), mode: "insensitive" } },
          ],
        }
      : {}),
  };
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
