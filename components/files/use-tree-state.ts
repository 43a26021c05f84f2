"use client";

import { useMemo, useState } from "react";
import { buildTree, initiallyFolded, unfoldedAround, visibleRows, type TreeNode } from "./tree-model";

/**
 * What a file tree remembers: folded folders and the focused item. A small project opens with
 * every folder unfolded, a large one as a short list of folded folders (see initiallyFolded).
 * Opening a file (from the URL or after a rename) unfolds the folders around it.
 */
export function useTreeState(paths: readonly string[], selectedPath: string | null) {
  const tree = useMemo(() => buildTree(paths), [paths]);
  const [collapsed, setCollapsed] = useState(() => initiallyFolded(tree, paths.length, selectedPath));
  const [active, setActive] = useState<TreeNode | null>(null);
  const [revealed, setRevealed] = useState(selectedPath);

  if (revealed !== selectedPath) {
    setRevealed(selectedPath);
    setCollapsed((current) => unfoldedAround(current, selectedPath));
  }

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
