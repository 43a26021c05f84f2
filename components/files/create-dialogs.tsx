"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/field";
import type { Result } from "@/lib/result";
import { FileDialog } from "./file-dialog";
import { firstFilePath } from "./tree-model";

interface CreateDialogProps {
  /** The folder the new item goes into by default ("" for the project root). */
  folder: string;
  onClose: () => void;
  onCreate: (path: string) => Promise<Result<unknown>>;
}

const withSlash = (folder: string) => (folder ? `${folder}/` : "");

export function NewFileDialog({ folder, onClose, onCreate }: CreateDialogProps) {
  const [path, setPath] = useState(withSlash(folder));

  return (
    <FileDialog
      title="New file"
      description="Folders named in the path are created with the file."
      submitLabel="Create file"
      onClose={onClose}
      operation={() => onCreate(path)}
    >
      {(error) => (
        <TextField
          label="File path"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="workflows/invoice-sync.ts"
          autoFocus
          spellCheck={false}
          error={error}
        />
      )}
    </FileDialog>
  );
}

export function NewFolderDialog({ folder, onClose, onCreate }: CreateDialogProps) {
  const [folderPath, setFolderPath] = useState(withSlash(folder));
  const [fileName, setFileName] = useState("index.ts");

  async function create() {
    const path = firstFilePath(folderPath, fileName);
    return path.ok ? onCreate(path.value) : path;
  }

  return (
    <FileDialog
      title="New folder"
      description="A folder exists through the files in it, so it is created with its first file."
      submitLabel="Create folder"
      onClose={onClose}
      operation={create}
    >
      {(error) => (
        <>
          <TextField
            label="Folder path"
            value={folderPath}
            onChange={(event) => setFolderPath(event.target.value)}
            placeholder="mappings/invoices"
            autoFocus
            spellCheck={false}
          />
          <TextField
            label="First file"
            value={fileName}
            onChange={(event) => setFileName(event.target.value)}
            spellCheck={false}
            error={error}
          />
        </>
      )}
    </FileDialog>
  );
}
