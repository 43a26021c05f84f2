"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { Result } from "@/lib/result";
import { DeleteDialog, RenameDialog } from "./change-dialogs";
import { NewFileDialog, NewFolderDialog } from "./create-dialogs";
import { FileTree, type FileMark } from "./file-tree";
import { DeleteIcon, NewFileIcon, NewFolderIcon, RenameIcon } from "./icons";
import { isUnder, parentFolder, type TreeNode } from "./tree-model";
import { useTreeState } from "./use-tree-state";

export interface FileOperations {
  create: (path: string) => Promise<Result<unknown>>;
  rename: (from: string, to: string) => Promise<Result<unknown>>;
  remove: (path: string) => Promise<Result<unknown>>;
}

interface FileExplorerProps {
  paths: readonly string[];
  marks: ReadonlyMap<string, FileMark>;
  selectedPath: string | null;
  onOpen: (path: string) => void;
  operations: FileOperations;
  /** Where it sits: beside the editor, or filling the file drawer. */
  className?: string;
  /** Shown at the toolbar's end: the file drawer's close button. */
  toolbarEnd?: ReactNode;
}

type OpenDialog = { kind: "new-file" | "new-folder"; folder: string } | { kind: "rename" | "delete"; node: TreeNode } | null;

/** The file tree with its toolbar; the toolbar's Rename and Delete act on the focused item. */
export function FileExplorer({ paths, marks, selectedPath, onOpen, operations, className, toolbarEnd }: FileExplorerProps) {
  const { rows, collapsed, active, setActive, toggle } = useTreeState(paths, selectedPath);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const activeNode = rows.find((row) => row.node.path === active?.path)?.node ?? rows.find((row) => row.node.path === selectedPath)?.node ?? null;
  const targetFolder = activeNode ? (activeNode.kind === "folder" ? activeNode.path : parentFolder(activeNode.path)) : "";

  const renameAndFollow = async (from: string, to: string) => {
    const result = await operations.rename(from, to);
    if (result.ok && active && isUnder(active.path, from)) setActive(null);
    return result;
  };

  return (
    <aside className={cn("flex flex-col bg-white", className)} aria-label="Project files">
      <div className="flex h-10 items-center gap-0.5 border-b border-slate-100 pl-3 pr-1.5">
        <h2 className="flex-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Files</h2>
        <ToolbarButton label="New file" onClick={() => setDialog({ kind: "new-file", folder: targetFolder })}>
          <NewFileIcon />
        </ToolbarButton>
        <ToolbarButton label="New folder" onClick={() => setDialog({ kind: "new-folder", folder: targetFolder })}>
          <NewFolderIcon />
        </ToolbarButton>
        <ToolbarButton label="Rename" disabled={!activeNode} onClick={() => activeNode && setDialog({ kind: "rename", node: activeNode })}>
          <RenameIcon />
        </ToolbarButton>
        <ToolbarButton label="Delete" disabled={!activeNode} onClick={() => activeNode && setDialog({ kind: "delete", node: activeNode })}>
          <DeleteIcon />
        </ToolbarButton>
        {toolbarEnd}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">No files yet. Use New file to add the first one.</p>
        ) : (
          <FileTree
            rows={rows}
            collapsed={collapsed}
            selectedPath={selectedPath}
            activePath={activeNode?.path ?? null}
            marks={marks}
            onActivate={setActive}
            onOpen={onOpen}
            onToggle={toggle}
            onRename={(node) => setDialog({ kind: "rename", node })}
            onDelete={(node) => setDialog({ kind: "delete", node })}
          />
        )}
      </div>
      {dialog?.kind === "new-file" ? <NewFileDialog folder={dialog.folder} onClose={() => setDialog(null)} onCreate={operations.create} /> : null}
      {dialog?.kind === "new-folder" ? <NewFolderDialog folder={dialog.folder} onClose={() => setDialog(null)} onCreate={operations.create} /> : null}
      {dialog?.kind === "rename" ? <RenameDialog node={dialog.node} onClose={() => setDialog(null)} onRename={renameAndFollow} /> : null}
      {dialog?.kind === "delete" ? (
        <DeleteDialog
          node={dialog.node}
          fileCount={paths.filter((path) => isUnder(path, dialog.node.path)).length}
          onClose={() => setDialog(null)}
          onDelete={operations.remove}
        />
      ) : null}
    </aside>
  );
}

function ToolbarButton({ label, disabled, onClick, children }: { label: string; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Button variant="ghost" size="icon" aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      {children}
    </Button>
  );
}
