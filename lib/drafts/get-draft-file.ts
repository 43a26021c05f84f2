import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";

export interface DraftFileContent {
  path: string;
  content: string;
  revision: number;
}

export async function getDraftFile(db: Db, projectId: string, path: string): Promise<Result<DraftFileContent>> {
  const file = await db.draftFile.findUnique({
    where: { projectId_path: { projectId, path } },
    select: { path: true, content: true, revision: true },
  });
  return file ? ok(file) : fail("not_found", `There is no file ${path} in the draft.`);
}
