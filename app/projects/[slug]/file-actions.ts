"use server";

import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import type { DraftFileEntry } from "@/lib/drafts/list-draft-files";
import { renameDraftPath } from "@/lib/drafts/rename-draft-path";
import { idSchema } from "@/lib/ids";
import { fail, type Result } from "@/lib/result";

// Paths are checked loosely here; the services give the precise, user-facing message.
const path = z.string().max(2000);

const createInput = z.object({ projectId: idSchema, path, content: z.string().optional() });
const renameInput = z.object({ projectId: idSchema, from: path, to: path });
const deleteInput = z.object({ projectId: idSchema, path });

const BAD_REQUEST = "The request was not understood; reload the page and try again.";

/** Creates a file in the draft; a folder comes into being with its first file. */
export async function createFileAction(input: unknown): Promise<Result<DraftFileEntry>> {
  const parsed = createInput.safeParse(input);
  if (!parsed.success) return fail("invalid", BAD_REQUEST);
  return createDraftFile(await getDb(), parsed.data);
}

/** Renames or moves a file, or a folder with everything in it. */
export async function renamePathAction(input: unknown): Promise<Result<{ renamed: Array<{ from: string; to: string }> }>> {
  const parsed = renameInput.safeParse(input);
  if (!parsed.success) return fail("invalid", BAD_REQUEST);
  return renameDraftPath(await getDb(), parsed.data);
}

/** Deletes a file, or a folder with everything in it, from the draft. */
export async function deletePathAction(input: unknown): Promise<Result<{ deleted: number }>> {
  const parsed = deleteInput.safeParse(input);
  if (!parsed.success) return fail("invalid", BAD_REQUEST);
  return deleteDraftPath(await getDb(), parsed.data);
}
