import type { Db } from "@/lib/db/client";

export interface DraftFileEntry {
  path: string;
  revision: number;
  size: number;
  contentHash: string;
}

/** The draft's file tree without contents, sorted by path. */
export async function listDraftFiles(db: Db, projectId: string): Promise<DraftFileEntry[]> {
  return db.draftFile.findMany({
    where: { projectId },
    select: { path: true, revision: true, size: true, contentHash: true },
    orderBy: { path: "asc" },
  });
}
