import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { canNameDraftPath } from "./can-name-draft-path";
import { excerpt } from "@/lib/text-checks";

export interface DraftFileContent {
  path: string;
  content: string;
  revision: number;
}

export async function getDraftFile(db: Db, projectId: string, path: string): Promise<Result<DraftFileContent>> {
  const missing = fail("not_found", `There is no file ${excerpt(path)} in the draft.`);
  if (!canNameDraftPath(projectId, path)) return missing;
  const file = await db.draftFile.findUnique({
    where: { projectId_path: { projectId, path } },
    select: { path: true, content: true, revision: true },
  });
  return file ? ok(file) : missing;
}
