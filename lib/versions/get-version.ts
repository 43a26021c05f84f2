import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { toVersionSummary, versionSummarySelect, type VersionSummary } from "./version-summary";

export interface VersionWithPaths {
  version: VersionSummary;
  /** Every file path of the version, sorted; contents are fetched one file at a time. */
  paths: string[];
}

/** A version of the project and the paths of its files. Unknown or foreign ids give not_found. */
export async function getVersion(db: Db, input: { projectId: string; versionId: string }): Promise<Result<VersionWithPaths>> {
  const version = await db.version.findFirst({
    where: { id: input.versionId, projectId: input.projectId },
    select: { ...versionSummarySelect, files: { select: { path: true }, orderBy: { path: "asc" } } },
  });
  if (!version) return fail("not_found", "This version does not exist in this project.");
  const { files, ...summary } = version;
  return ok({ version: toVersionSummary(summary), paths: files.map((file) => file.path) });
}
