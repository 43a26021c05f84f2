import type { PrismaClient } from "@/lib/generated/prisma/client";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { value } from "./harness";

/** The revision stored for one draft file right now. */
export async function revisionOf(db: PrismaClient, projectId: string, path: string): Promise<number> {
  return (await db.draftFile.findUniqueOrThrow({ where: { projectId_path: { projectId, path } } })).revision;
}

/** Saves new content over a draft file's current revision; throws unless the save succeeds. */
export async function save(db: PrismaClient, projectId: string, path: string, content: string): Promise<void> {
  value(await saveDraftFile(db, { projectId, path, content, baseRevision: await revisionOf(db, projectId, path) }));
}
