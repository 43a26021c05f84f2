import type { Db } from "@/lib/db/client";
import { validatePath } from "@/lib/files/validate-path";
import { fail, ok, type Result } from "@/lib/result";
import { findVersion, VERSION_NOT_FOUND } from "./find-version";
import { versionFilesSql } from "./version-files-sql";
import { excerpt } from "@/lib/text-checks";

/** One file of a version, exactly as it was when the version was created. */
export async function getVersionFile(
  db: Db,
  input: { projectId: string; versionId: string; path: string },
): Promise<Result<{ path: string; content: string }>> {
  const version = await findVersion(db, input.projectId, input.versionId);
  if (!version) return fail("not_found", VERSION_NOT_FOUND);
  const valid = validatePath(input.path);
  if (!valid.ok) return valid;
  const [file] = await db.$queryRaw<Array<{ path: string; content: string }>>`
    SELECT f.path, b.content
    FROM (${versionFilesSql(version.id, input.path)}) AS f
    JOIN blobs AS b ON b.id = f.blob_id
    WHERE f.path = ${input.path}`;
  return file ? ok(file) : fail("not_found", `Version ${version.name} has no file ${excerpt(input.path)}.`);
}
