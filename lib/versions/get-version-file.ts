import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";

/** One file of a version, exactly as it was when the version was created. */
export async function getVersionFile(
  db: Db,
  input: { projectId: string; versionId: string; path: string },
): Promise<Result<{ path: string; content: string }>> {
  const file = await db.versionFile.findFirst({
    where: { versionId: input.versionId, path: input.path, version: { projectId: input.projectId } },
    select: { path: true, blob: { select: { content: true } } },
  });
  if (file) return ok({ path: file.path, content: file.blob.content });
  const version = await db.version.findFirst({
    where: { id: input.versionId, projectId: input.projectId },
    select: { name: true },
  });
  return version
    ? fail("not_found", `Version ${version.name} has no file ${input.path}.`)
    : fail("not_found", "This version does not exist in this project.");
}
