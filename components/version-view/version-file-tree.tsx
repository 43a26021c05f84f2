"use client";

import { useMemo, useState } from "react";
import { FileTree, type FileMark } from "@/components/files/file-tree";
import { buildTree, isUnder, visibleRows, type TreeNode } from "@/components/files/tree-model";

const NO_MARKS: ReadonlyMap<string, FileMark> = new Map();

/** The version's files as a tree to browse: no toolbar, no renaming or deleting. */
export function VersionFileTree({
  paths,
  versionName,
  selectedPath,
  onOpen,
}: {
  paths: readonly string[];
  versionName: string;
  selectedPath: string | null;
  onOpen: (path: string) => void;
}) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<TreeNode | null>(null);
  const [revealed, setRevealed] = useState(selectedPath);

  // Opening a file from the URL unfolds the folders around it.
  if (revealed !== selectedPath) {
    setRevealed(selectedPath);
    if (selectedPath) setCollapsed((current) => new Set([...current].filter((folder) => !isUnder(selectedPath, folder))));
  }

  const tree = useMemo(() => buildTree(paths), [paths]);
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const toggle = (path: string, open?: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (open ?? next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  return (
    <aside className="flex w-64 shrink-0 flex-col border-r border-slate-200 bg-white" aria-label={`Files of ${versionName}`}>
      <div className="flex h-10 items-center border-b border-slate-100 px-3">
        <h2 className="flex-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Files</h2>
        <span className="text-xs text-slate-500">{paths.length.toLocaleString("en")}</span>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">This version has no files.</p>
        ) : (
          <FileTree
            rows={rows}
            collapsed={collapsed}
            selectedPath={selectedPath}
            activePath={active?.path ?? null}
            marks={NO_MARKS}
            onActivate={setActive}
            onOpen={onOpen}
            onToggle={toggle}
          />
        )}
      </div>
    </aside>
  );
}
