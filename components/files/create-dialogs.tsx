"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import type { Result } from "@/lib/result";
import { useSubmit } from "./use-submit";

interface CreateDialogProps {
  /** The folder the new item goes into by default ("" for the project root). */
  folder: string;
  onClose: () => void;
  onCreate: (path: string) => Promise<Result<unknown>>;
}

const withSlash = (folder: string) => (folder ? `${folder}/` : "");

export function NewFileDialog({ folder, onClose, onCreate }: CreateDialogProps) {
  const [path, setPath] = useState(withSlash(folder));
  const { pending, error, submit } = useSubmit();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await submit(() => onCreate(path))) onClose();
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="New file" description="Folders named in the path are created with the file.">
      <form onSubmit={handleSubmit} className="flex flex-col gap-4">
        <TextField
          label="File path"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="workflows/invoice-sync.ts"
          autoFocus
          spellCheck={false}
          error={error}
        />
        <DialogActions pending={pending} submitLabel="Create file" />
      </form>
    </Dialog>
  );
}

export function NewFolderDialog({ folder, onClose, onCreate }: CreateDialogProps) {
  const [folderPath, setFolderPath] = useState(withSlash(folder));
  const [fileName, setFileName] = useState("index.ts");
  const { pending, error, submit } = useSubmit();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = folderPath.trim().replace(/\/+$/, "");
    if (await submit(() => onCreate(`${trimmed}/${fileName.trim()}`))) onClose();
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="New folder"
      description="A folder exists through the files in it, so it is created with its first file."
    >
      <form onSubmit={handleSubmit} className="flex flex-col gap-4">
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
        <DialogActions pending={pending} submitLabel="Create folder" />
      </form>
    </Dialog>
  );
}

export function DialogActions({ pending, submitLabel, variant = "primary" }: { pending: boolean; submitLabel: string; variant?: "primary" | "danger" }) {
  return (
    <div className="flex justify-end gap-2">
      <DialogClose asChild>
        <Button variant="secondary">Cancel</Button>
      </DialogClose>
      <Button type="submit" variant={variant} disabled={pending}>
        {submitLabel}
      </Button>
    </div>
  );
}
