"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { Sheet } from "@/components/ui/sheet";
import { FileExplorer, type FileOperations } from "./file-explorer";
import type { FileMark } from "./file-tree";
import { CloseIcon, FolderIcon } from "./icons";

interface FilesDrawerProps {
  paths: readonly string[];
  marks: ReadonlyMap<string, FileMark>;
  selectedPath: string | null;
  onOpen: (path: string) => void;
  operations: FileOperations;
}

/** On narrow screens the file tree opens over the editor from a Files button, and closes once a file is chosen or by its close button. */
export function FilesDrawer({ onOpen, ...explorer }: FilesDrawerProps) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet
      open={open}
      onOpenChange={setOpen}
      title="Files"
      trigger={
        <Button variant="ghost" size="sm" className="-ml-2 md:hidden">
          <FolderIcon />
          Files
        </Button>
      }
    >
      <FileExplorer
        {...explorer}
        className="h-full w-full"
        toolbarEnd={
          <DialogClose asChild>
            <Button variant="ghost" size="icon" aria-label="Close files" title="Close files">
              <CloseIcon />
            </Button>
          </DialogClose>
        }
        onOpen={(path) => {
          onOpen(path);
          setOpen(false);
        }}
      />
    </Sheet>
  );
}
