"use client";

import { FileTree, type FileMark } from "@/components/files/file-tree";
import { useTreeState } from "@/components/files/use-tree-state";

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
  const { rows, collapsed, active, setActive, toggle } = useTreeState(paths, selectedPath);

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
