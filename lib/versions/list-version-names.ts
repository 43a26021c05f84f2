import type { Db } from "@/lib/db/client";
import { versionNameKey } from "./schemas";
import type { VersionNameJson } from "./version-json";
import type { VersionOrigin } from "./version-summary";

/**
 * Every version name of the project with its origin, newest first: what name suggestions need,
 * which look at all names rather than one page. With `named`, only the version holding that
 * name (ignoring case, as names are unique), if any. Read along the (project, number) and
 * (project, name key) indexes.
 */
export async function listVersionNames(db: Db, projectId: string, named?: string): Promise<VersionNameJson[]> {
  const rows = await db.version.findMany({
    where: { projectId, ...(named === undefined ? {} : { nameKey: versionNameKey(named.trim()) }) },
    select: { name: true, origin: true },
    orderBy: { number: "desc" },
  });
  return rows.map((row) => ({ name: row.name, origin: row.origin as VersionOrigin }));
}
