"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet } from "@/components/ui/sheet";
import { FileExplorer, type FileOperations } from "./file-explorer";
import type { FileMark } from "./file-tree";
import { FolderIcon } from "./icons";

interface FilesDrawerProps {
  paths: readonly string[];
  marks: ReadonlyMap<string, FileMark>;
  selectedPath: string | null;
  onOpen: (path: string) => void;
  operations: FileOperations;
}

/** On narrow screens the file tree opens over the editor from a Files button, and closes once a file is chosen. */
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
        onOpen={(path) => {
          onOpen(path);
          setOpen(false);
        }}
      />
    </Sheet>
  );
}
