"use client";

import { useMemo, useState } from "react";
import { buildTree, folderPaths, isUnder, visibleRows, type TreeNode } from "./tree-model";

/** The folded folders without those holding `path`. */
function unfoldedAround(collapsed: ReadonlySet<string>, path: string | null): ReadonlySet<string> {
  return path ? new Set([...collapsed].filter((folder) => !isUnder(path, folder))) : collapsed;
}

/**
 * What a file tree remembers: folded folders and the focused item. Folders start folded, so a
 * project of thousands of files opens as a short list; opening a file (from the URL or after a
 * rename) unfolds the folders around it.
 */
export function useTreeState(paths: readonly string[], selectedPath: string | null) {
  const tree = useMemo(() => buildTree(paths), [paths]);
  const [collapsed, setCollapsed] = useState(() => unfoldedAround(new Set(folderPaths(tree)), selectedPath));
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
