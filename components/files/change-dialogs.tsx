"use client";

import { useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import type { Result } from "@/lib/result";
import { DialogActions } from "./create-dialogs";
import type { TreeNode } from "./tree-model";
import { useSubmit } from "./use-submit";

interface ChangeDialogProps {
  node: TreeNode;
  onClose: () => void;
}

export function RenameDialog({ node, onClose, onRename }: ChangeDialogProps & { onRename: (from: string, to: string) => Promise<Result<unknown>> }) {
  const [path, setPath] = useState(node.path);
  const { pending, error, submit } = useSubmit();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await submit(() => onRename(node.path, path))) onClose();
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Rename ${node.name}`}
      description={node.kind === "folder" ? "Every file in the folder moves with it." : "Change the name or the folder of the file."}
    >
      <form onSubmit={handleSubmit} className="flex flex-col gap-4">
        <TextField
          label="New path"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          onFocus={(event) => selectName(event.currentTarget, node)}
          autoFocus
          spellCheck={false}
          error={error}
        />
        <DialogActions pending={pending} submitLabel="Rename" />
      </form>
    </Dialog>
  );
}

/** Selects the last name in the path without its extension, the part most renames change. */
function selectName(input: HTMLInputElement, node: TreeNode) {
  const start = input.value.lastIndexOf("/") + 1;
  const dot = input.value.lastIndexOf(".");
  const end = node.kind === "file" && dot > start ? dot : input.value.length;
  input.setSelectionRange(start, end);
}

export function DeleteDialog({
  node,
  fileCount,
  onClose,
  onDelete,
}: ChangeDialogProps & { fileCount: number; onDelete: (path: string) => Promise<Result<unknown>> }) {
  const { pending, error, submit } = useSubmit();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await submit(() => onDelete(node.path))) onClose();
  }

  const what = node.kind === "folder" ? `the folder and the ${fileCount === 1 ? "file" : `${fileCount} files`} in it` : "the file";
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Delete ${node.path}?`}
      description={`This removes ${what} from the latest draft. Versions already created keep their copies.`}
    >
      <form onSubmit={handleSubmit} className="flex flex-col gap-4">
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <DialogActions pending={pending} submitLabel="Delete" variant="danger" />
      </form>
    </Dialog>
  );
}
