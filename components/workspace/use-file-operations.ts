"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createFileAction } from "@/app/projects/[slug]/actions/files/create-file";
import { deletePathAction } from "@/app/projects/[slug]/actions/files/delete-path";
import { renamePathAction } from "@/app/projects/[slug]/actions/files/rename-path";
import type { FileOperations } from "@/components/files/file-explorer";
import { fileKeys } from "@/components/files/queries";
import { isUnder } from "@/components/files/tree-model";
import type { DraftFileContent } from "@/lib/drafts/get-draft-file";
import type { DraftFileEntry } from "@/lib/drafts/list-draft-files";
import { fail, ok, type Result } from "@/lib/result";
import type { DraftSaver } from "./draft-saver";

interface Options {
  project: { id: string; slug: string };
  saver: DraftSaver;
  selectedPath: string | null;
  select: (path: string | null) => void;
}

/**
 * Create, rename and delete through the server actions, kept in step with autosave: pending
 * text is saved before a rename, dropped after a delete, and the tree cache is updated at once.
 */
export function useFileOperations({ project, saver, selectedPath, select }: Options): FileOperations & {
  recreate: (path: string, content: string) => Promise<Result<unknown>>;
} {
  const queryClient = useQueryClient();
  const updateList = (update: (files: DraftFileEntry[]) => DraftFileEntry[]) => void fileKeys.updateList(queryClient, project.slug, update);

  const createMutation = useMutation({
    mutationFn: (input: { path: string; content?: string }) => createFileAction(project.slug, input),
    onSuccess: (result, input) => {
      if (!result.ok) return;
      const created: DraftFileContent = { path: result.value.path, content: input.content ?? "", revision: result.value.revision };
      fileKeys.setContent(queryClient, project.slug, created);
      updateList((files) => [...files.filter((file) => file.path !== created.path), result.value]);
    },
  });
  const renameMutation = useMutation({
    mutationFn: (input: { from: string; to: string }) => renamePathAction(project.slug, input),
  });
  const deleteMutation = useMutation({
    mutationFn: (path: string) => deletePathAction(project.slug, { path }),
  });

  async function create(path: string) {
    const result = await createMutation.mutateAsync({ path });
    if (result.ok) select(result.value.path);
    return result;
  }

  /** A file renamed or deleted elsewhere, written again from the text this editor kept. */
  async function recreate(path: string, content: string) {
    const result = await createMutation.mutateAsync({ path, content });
    if (result.ok) saver.adopt(path, { content, revision: result.value.revision });
    return result;
  }

  async function rename(from: string, to: string) {
    if (!(await saver.flushUnder(from))) {
      return fail("conflict", `Changes in ${from} are not saved yet. Resolve them first, then rename.`);
    }
    const result = await renameMutation.mutateAsync({ from, to });
    if (!result.ok) return result;
    const moves = new Map(result.value.renamed.map((move) => [move.from, move.to]));
    updateList((files) => files.map((file) => (moves.has(file.path) ? { ...file, path: moves.get(file.path) as string } : file)));
    if (selectedPath && moves.has(selectedPath)) select(moves.get(selectedPath) as string);
    // The models keep the old paths; the renamed files are reopened from the server under the new ones.
    saver.forgetUnder(from);
    return result;
  }

  async function remove(path: string) {
    await saver.settleUnder(path);
    const result = await deleteMutation.mutateAsync(path).catch((error: unknown) => {
      saver.resumeUnder(path);
      throw error;
    });
    // Not found: it is gone already (deleted elsewhere), which is what was asked.
    if (!result.ok && result.error.code !== "not_found") {
      saver.resumeUnder(path);
      return result;
    }
    saver.forgetUnder(path);
    updateList((files) => files.filter((file) => !isUnder(file.path, path)));
    if (selectedPath && isUnder(selectedPath, path)) select(null);
    return ok(null);
  }

  return { create, rename, remove, recreate };
}
