import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { findVersion, VERSION_NOT_FOUND } from "./find-version";
import { versionFilesSql } from "./version-files-sql";

export interface VersionFileContent {
  path: string;
  content: string;
}

/** Every file of a version with its content, sorted by path in byte order, as diffs are. */
export async function getVersionFiles(
  db: Db,
  projectId: string,
  versionId: string,
): Promise<Result<VersionFileContent[]>> {
  if (!(await findVersion(db, projectId, versionId))) return fail("not_found", VERSION_NOT_FOUND);
  const files = await db.$queryRaw<VersionFileContent[]>`
    SELECT f.path, b.content
    FROM (${versionFilesSql(versionId)}) AS f
    JOIN blobs AS b ON b.id = f.blob_id
    ORDER BY f.path COLLATE "C"`;
  return ok(files);
}
