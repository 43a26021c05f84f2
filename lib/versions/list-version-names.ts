import type { Db } from "@/lib/db/client";

/**
 * Every version name of the project, newest first: what name suggestions need, which look at
 * all names rather than one page. Only the names are read, along the (project, number) index.
 */
export async function listVersionNames(db: Db, projectId: string): Promise<string[]> {
  const rows = await db.version.findMany({
    where: { projectId },
    select: { name: true },
    orderBy: { number: "desc" },
  });
  return rows.map((row) => row.name);
}
