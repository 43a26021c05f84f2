import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { toVersionSummary, versionSummarySelect, type VersionSummary } from "./version-summary";

export const VERSION_NOT_FOUND = "This version does not exist in this project.";

/**
 * A version of the project, looked up by primary key (whatever the table's statistics say);
 * null for a malformed id, an unknown one, or one of another project.
 */
export async function findVersion(db: Db, projectId: string, versionId: string): Promise<VersionSummary | null> {
  if (!isId(versionId)) return null;
  const version = await db.version.findUnique({
    where: { id: versionId },
    select: { ...versionSummarySelect, projectId: true },
  });
  if (!version) return null;
  const { projectId: owner, ...summary } = version;
  return owner === projectId ? toVersionSummary(summary) : null;
}
