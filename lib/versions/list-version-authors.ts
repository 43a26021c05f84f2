import type { Db } from "@/lib/db/client";

/** Everyone who has created a version of the project, alphabetically: the choices of the author filter. */
export async function listVersionAuthors(db: Db, projectId: string): Promise<string[]> {
  const rows = await db.version.groupBy({ by: ["author"], where: { projectId }, orderBy: { author: "asc" } });
  return rows.map((row) => row.author);
}
