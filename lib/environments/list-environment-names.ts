import type { Db } from "@/lib/db/client";

export interface EnvironmentName {
  id: string;
  name: string;
}

/** The project's environments, ids and names only, in their order (filters, exports). */
export function listEnvironmentNames(db: Db, projectId: string): Promise<EnvironmentName[]> {
  return db.environment.findMany({ where: { projectId }, select: { id: true, name: true }, orderBy: { position: "asc" } });
}
