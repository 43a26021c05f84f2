"use client";

import { useRef, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";
import { ChevronIcon, FileIcon, FolderIcon } from "./icons";
import type { TreeNode, TreeRow } from "./tree-model";

/** How a file's unsaved text stands, shown beside its name. */
export type FileMark = { label: string; tone: "pending" | "problem" };

interface FileTreeProps {
  rows: TreeRow[];
  collapsed: ReadonlySet<string>;
  selectedPath: string | null;
  activePath: string | null;
  marks: ReadonlyMap<string, FileMark>;
  onActivate: (node: TreeNode) => void;
  onOpen: (path: string) => void;
  onToggle: (path: string, open?: boolean) => void;
  /** Without these (a version's files, read-only) F2 and Delete do nothing. */
  onRename?: (node: TreeNode) => void;
  onDelete?: (node: TreeNode) => void;
}

/**
 * The WAI-ARIA tree pattern: one tab stop, arrows move and open/close folders, Enter opens a
 * file, F2 renames and Delete deletes the focused item.
 */
export function FileTree({ rows, collapsed, selectedPath, activePath, marks, onActivate, onOpen, onToggle, onRename, onDelete }: FileTreeProps) {
  const items = useRef(new Map<string, HTMLLIElement>());
  const focusIndex = rows.findIndex((row) => row.node.path === (activePath ?? selectedPath));
  const tabStop = focusIndex === -1 ? 0 : focusIndex;

  const focusRow = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (row) items.current.get(row.node.path)?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = rows.findIndex((row) => row.node.path === (event.target as HTMLElement).dataset.path);
    const row = rows[index];
    if (!row) return;
    const { node } = row;
    const isOpenFolder = node.kind === "folder" && !collapsed.has(node.path);
    const handled = () => event.preventDefault();
    switch (event.key) {
      case "ArrowDown":
        handled();
        return focusRow(index + 1);
      case "ArrowUp":
        handled();
        return focusRow(index - 1);
      case "Home":
        handled();
        return focusRow(0);
      case "End":
        handled();
        return focusRow(rows.length - 1);
      case "ArrowRight":
        handled();
        if (node.kind === "folder" && !isOpenFolder) return onToggle(node.path, true);
        if (isOpenFolder) return focusRow(index + 1);
        return;
      case "ArrowLeft":
        handled();
        if (isOpenFolder) return onToggle(node.path, false);
        if (row.parentPath !== null) return focusRow(rows.findIndex((candidate) => candidate.node.path === row.parentPath));
        return;
      case "Enter":
      case " ":
        handled();
        return node.kind === "file" ? onOpen(node.path) : onToggle(node.path);
      case "F2":
        if (!onRename) return;
        handled();
        return onRename(node);
      case "Delete":
        if (!onDelete) return;
        handled();
        return onDelete(node);
    }
  };

  return (
    <ul role="tree" aria-label="Files" className="py-1" onKeyDown={handleKeyDown}>
      {rows.map((row, index) => {
        const { node } = row;
        const isFolder = node.kind === "folder";
        const isOpen = isFolder && !collapsed.has(node.path);
        const isSelected = node.path === selectedPath;
        const mark = marks.get(node.path);
        const markId = mark ? `file-mark-${index}` : undefined;
        return (
          <li
            key={node.path}
            ref={(element) => {
              if (element) items.current.set(node.path, element);
              else items.current.delete(node.path);
            }}
            role="treeitem"
            data-path={node.path}
            aria-label={node.name}
            aria-describedby={markId}
            aria-level={row.level}
            aria-posinset={row.position}
            aria-setsize={row.siblings}
            aria-expanded={isFolder ? isOpen : undefined}
            aria-selected={isFolder ? undefined : isSelected}
            tabIndex={index === tabStop ? 0 : -1}
            onFocus={(event) => event.target === event.currentTarget && onActivate(node)}
            onClick={() => (isFolder ? onToggle(node.path) : onOpen(node.path))}
            style={{ paddingLeft: `${0.5 + (row.level - 1) * 0.875}rem` }}
            className={cn(
              "mx-1 flex h-7 cursor-pointer select-none items-center gap-1.5 rounded-md pr-2 text-[13px] outline-none",
              "focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500",
              isSelected ? "bg-indigo-50 font-medium text-indigo-900" : "text-slate-700 hover:bg-slate-100",
              node.path === activePath && !isSelected && "bg-slate-100",
            )}
          >
            <ChevronIcon
              className={cn("h-3.5 w-3.5 shrink-0 text-slate-400 transition-transform", isOpen && "rotate-90", !isFolder && "invisible")}
            />
            {isFolder ? (
              <FolderIcon className="h-4 w-4 shrink-0 text-amber-500" />
            ) : (
              <FileIcon className={cn("h-4 w-4 shrink-0", isSelected ? "text-indigo-500" : "text-slate-400")} />
            )}
            <span className="min-w-0 flex-1 truncate" title={node.path}>
              {node.name}
            </span>
            {mark ? <MarkBadge id={markId} mark={mark} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function MarkBadge({ id, mark }: { id?: string; mark: FileMark }) {
  if (mark.tone === "pending") {
    return (
      <span id={id} title={mark.label} className="flex h-4 w-4 shrink-0 items-center justify-center">
        <span className="h-2 w-2 rounded-full bg-amber-500" aria-hidden />
        <span className="sr-only">{mark.label}</span>
      </span>
    );
  }
  return (
    <span id={id} className="shrink-0 rounded bg-red-50 px-1.5 text-[11px] font-medium leading-4 text-red-700 ring-1 ring-red-200 ring-inset">
      {mark.label}
    </span>
  );
}
