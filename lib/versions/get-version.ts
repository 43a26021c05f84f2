import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { findVersion, VERSION_NOT_FOUND } from "./find-version";
import { versionFilesSql } from "./version-files-sql";
import type { VersionSummary } from "./version-summary";

export interface VersionWithPaths {
  version: VersionSummary;
  /** Every file path of the version, in byte order as diffs are; contents are fetched one file at a time. */
  paths: string[];
}

/** A version of the project and the paths of its files. Unknown or foreign ids give not_found. */
export async function getVersion(db: Db, input: { projectId: string; versionId: string }): Promise<Result<VersionWithPaths>> {
  const version = await findVersion(db, input.projectId, input.versionId);
  if (!version) return fail("not_found", VERSION_NOT_FOUND);
  const files = await db.$queryRaw<Array<{ path: string }>>`
    SELECT path FROM (${versionFilesSql(version.id)}) AS f ORDER BY path COLLATE "C"`;
  return ok({ version, paths: files.map((file) => file.path) });
}
