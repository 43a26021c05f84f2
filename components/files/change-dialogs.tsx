"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/field";
import type { Result } from "@/lib/result";
import { FileDialog } from "./file-dialog";
import type { TreeNode } from "./tree-model";

interface ChangeDialogProps {
  node: TreeNode;
  onClose: () => void;
}

export function RenameDialog({ node, onClose, onRename }: ChangeDialogProps & { onRename: (from: string, to: string) => Promise<Result<unknown>> }) {
  const [path, setPath] = useState(node.path);

  return (
    <FileDialog
      title={`Rename ${node.name}`}
      description={node.kind === "folder" ? "Every file in the folder moves with it." : "Change the name or the folder of the file."}
      submitLabel="Rename"
      onClose={onClose}
      operation={() => onRename(node.path, path)}
    >
      {(error) => (
        <TextField
          label="New path"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          onFocus={(event) => selectName(event.currentTarget, node)}
          autoFocus
          spellCheck={false}
          error={error}
        />
      )}
    </FileDialog>
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
  const what = node.kind === "folder" ? `the folder and the ${fileCount === 1 ? "file" : `${fileCount} files`} in it` : "the file";
  return (
    <FileDialog
      title={`Delete ${node.path}?`}
      description={`This removes ${what} from the latest draft. Versions already created keep their copies.`}
      submitLabel="Delete"
      variant="danger"
      onClose={onClose}
      operation={() => onDelete(node.path)}
    >
      {(error) =>
        error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null
      }
    </FileDialog>
  );
}
