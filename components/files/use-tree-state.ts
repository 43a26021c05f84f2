"use client";

import { useMemo, useState } from "react";
import { buildTree, isUnder, visibleRows, type TreeNode } from "./tree-model";

/**
 * What a file tree remembers: folded folders and the focused item. Opening a file (from the
 * URL or after a rename) unfolds the folders around it.
 */
export function useTreeState(paths: readonly string[], selectedPath: string | null) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<TreeNode | null>(null);
  const [revealed, setRevealed] = useState(selectedPath);

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

  return { rows, collapsed, active, setActive, toggle };
}
