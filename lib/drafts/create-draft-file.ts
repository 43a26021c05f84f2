import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { byteLength, hashContent } from "@/lib/files/hash-content";
import { MAX_FILES_PER_PROJECT, TOO_MANY_FILES } from "@/lib/files/limits";
import { validateContent } from "@/lib/files/validate-content";
import { validatePath } from "@/lib/files/validate-path";
import { isId } from "@/lib/ids";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import type { DraftFileEntry } from "./list-draft-files";
import { notifyDraftChange } from "./notify-draft-change";
import { findPathCollision } from "./path-collision";

/** Creates a file in the draft; `author`, when given, is recorded as the file's last author. */
export async function createDraftFile(
  db: PrismaClient,
  input: { projectId: string; path: string; content?: string; author?: string },
): Promise<Result<DraftFileEntry>> {
  const path = validatePath(input.path);
  if (!path.ok) return path;
  const content = validateContent(input.content ?? "");
  if (!content.ok) return content;
  const unknownProject = fail("not_found", "This project does not exist.");
  if (!isId(input.projectId)) return unknownProject;

  return db.$transaction(async (tx) => {
    if (!(await lockProject(tx, input.projectId))) return unknownProject;
    if ((await tx.draftFile.count({ where: { projectId: input.projectId } })) >= MAX_FILES_PER_PROJECT) {
      return fail("too_large", TOO_MANY_FILES);
    }
    const collision = await findPathCollision(tx, input.projectId, path.value);
    if (collision) return fail("conflict", collision);

    const file = await tx.draftFile.create({
      data: {
        id: randomUUID(),
        projectId: input.projectId,
        path: path.value,
        content: content.value,
        contentHash: hashContent(content.value),
        size: byteLength(content.value),
        updatedBy: input.author ?? null,
      },
      select: { path: true, revision: true, size: true, contentHash: true },
    });
    await notifyDraftChange(tx, input.projectId);
    return ok(file);
  });
}
