import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";

export interface VersionFileContent {
  path: string;
  content: string;
}

/** Every file of a version with its content, sorted by path. */
export async function getVersionFiles(
  db: Db,
  projectId: string,
  versionId: string,
): Promise<Result<VersionFileContent[]>> {
  const version = await db.version.findFirst({ where: { id: versionId, projectId }, select: { id: true } });
  if (!version) return fail("not_found", "This version does not exist in this project.");
  const files = await db.versionFile.findMany({
    where: { versionId },
    select: { path: true, blob: { select: { content: true } } },
    orderBy: { path: "asc" },
  });
  return ok(files.map((file) => ({ path: file.path, content: file.blob.content })));
}
