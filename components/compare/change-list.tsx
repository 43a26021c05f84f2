"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";
import type { Comparison } from "@/lib/versions/compare-trees";
import type { TreeChange } from "@/lib/versions/diff-trees";
import { groupChanges, STATUS_NAMES, summaryText } from "./change-groups";
import { StatusMark } from "./status-mark";

interface ChangeListProps {
  comparison: Comparison;
  selectedPath: string | null;
  onSelect: (path: string) => void;
  showUnchanged: boolean;
  onToggleUnchanged: () => void;
  /** While other sides load, the list shown is the previous comparison's. */
  stale: boolean;
}

/**
 * The files that differ, grouped by kind of change. A listbox: arrow keys, Home and End move
 * through the files, Enter or Space opens one.
 */
export function ChangeList({ comparison, selectedPath, onSelect, showUnchanged, onToggleUnchanged, stale }: ChangeListProps) {
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const groups = groupChanges(comparison.changes, showUnchanged);
  const visible = groups.flatMap((group) => group.changes);
  const [focusedPath, setFocusedPath] = useState<string | null>(null);
  const tabbablePath = [focusedPath, selectedPath].find((path) => visible.some((change) => change.path === path)) ?? visible[0]?.path;
  const unchanged = comparison.summary.unchanged;

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const option = (event.target as HTMLElement).closest<HTMLElement>("[data-index]");
    if (!option) return;
    const from = Number(option.dataset.index);
    const last = visible.length - 1;
    const to = { ArrowDown: Math.min(from + 1, last), ArrowUp: Math.max(from - 1, 0), Home: 0, End: last }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      listRef.current?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus();
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      const change = visible[from];
      if (change) onSelect(change.path);
    }
  }

  const groupStarts = groups.map((_, at) => groups.slice(0, at).reduce((count, group) => count + group.changes.length, 0));
  return (
    <div className="flex w-72 shrink-0 flex-col border-r border-slate-200 bg-white">
      <p className="border-b border-slate-200 px-4 py-2.5 text-sm font-medium text-slate-800">{summaryText(comparison.summary)}</p>
      <div className={cn("min-h-0 flex-1 overflow-y-auto pb-3 transition-opacity", stale && "opacity-60")} aria-busy={stale}>
        {visible.length > 0 ? (
          <div ref={listRef} role="listbox" aria-label="Files" onKeyDown={handleKeyDown}>
            {groups.map((group, groupIndex) => (
              <div key={group.status} role="group" aria-labelledby={`${id}-${group.status}`}>
                <div
                  id={`${id}-${group.status}`}
                  className="px-4 pb-1 pt-3 text-[11px] font-semibold uppercase tracking-wide text-slate-600"
                >
                  {STATUS_NAMES[group.status]} <span className="font-normal tabular-nums">({group.changes.length})</span>
                </div>
                {group.changes.map((change, changeIndex) => (
                  <ChangeOption
                    key={change.path}
                    change={change}
                    index={(groupStarts[groupIndex] ?? 0) + changeIndex}
                    selected={change.path === selectedPath}
                    tabbable={change.path === tabbablePath}
                    onFocus={() => setFocusedPath(change.path)}
                    onSelect={() => onSelect(change.path)}
                  />
                ))}
              </div>
            ))}
          </div>
        ) : null}
        {unchanged > 0 ? (
          <button
            type="button"
            onClick={onToggleUnchanged}
            className="mx-3 mt-3 rounded px-1 text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {showUnchanged ? "Hide" : "Show"} {unchanged.toLocaleString("en")} unchanged {unchanged === 1 ? "file" : "files"}
          </button>
        ) : null}
      </div>
    </div>
  );
}

interface ChangeOptionProps {
  change: TreeChange;
  index: number;
  selected: boolean;
  tabbable: boolean;
  onFocus: () => void;
  onSelect: () => void;
}

function ChangeOption({ change, index, selected, tabbable, onFocus, onSelect }: ChangeOptionProps) {
  const slash = change.path.lastIndexOf("/");
  return (
    <div
      role="option"
      aria-selected={selected}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      title={change.path}
      onFocus={onFocus}
      onClick={onSelect}
      className={cn(
        "flex cursor-pointer items-center gap-2 px-4 py-1 text-[13px] outline-none",
        "focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500",
        selected ? "bg-indigo-50 text-indigo-950" : "text-slate-800 hover:bg-slate-50",
      )}
    >
      <StatusMark status={change.status} />
      <span className="min-w-0 truncate">
        {slash >= 0 ? <span className="text-slate-500">{change.path.slice(0, slash + 1)}</span> : null}
        {change.path.slice(slash + 1)}
      </span>
    </div>
  );
}
