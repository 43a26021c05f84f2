"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { TreeChange } from "@/lib/versions/diff-trees";
import { ReadOnlyDiff } from "@/components/editor/lazy";
import { useFileSides } from "./queries";
import { StatusBadge } from "./status-mark";

interface FileDiffPaneProps {
  slug: string;
  /** The refs the change was listed for (`draft` or a version id). */
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  change: TreeChange;
  inline: boolean;
  onToggleInline: () => void;
}

interface ShownDiff {
  path: string;
  original: string;
  modified: string;
}

/** One file's two sides in Monaco's diff editor; contents are fetched when the file is chosen. */
export function FileDiffPane({ slug, from, to, fromLabel, toLabel, change, inline, onToggleInline }: FileDiffPaneProps) {
  const titleId = useId();
  const sides = useFileSides(slug, from, to, change);
  const loaded = sides.isPending || sides.error ? null : { path: change.path, original: sides.original, modified: sides.modified };
  // Until the next file has arrived the editor keeps the previous one, under a loading state.
  const [shown, setShown] = useState<ShownDiff | null>(loaded);
  if (loaded && !sameDiff(shown, loaded)) setShown(loaded);

  return (
    <section aria-labelledby={titleId} className="flex min-w-0 flex-1 flex-col bg-white">
      <div className="flex h-10 shrink-0 items-center gap-3 border-b border-slate-200 px-4">
        <h2 id={titleId} className="min-w-0 truncate text-sm font-medium text-slate-900" title={change.path}>
          {change.path}
        </h2>
        <StatusBadge status={change.status} />
        <Button
          size="sm"
          aria-pressed={inline}
          onClick={onToggleInline}
          className="ml-auto aria-pressed:border-indigo-300 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800"
        >
          <InlineIcon />
          Inline view
        </Button>
      </div>
      <SideHeadings change={change} fromLabel={fromLabel} toLabel={toLabel} inline={inline} />
      <div className="relative min-h-0 flex-1">
        {shown ? (
          <ReadOnlyDiff
            path={shown.path}
            original={shown.original}
            modified={shown.modified}
            inline={inline}
            originalLabel={fromLabel}
            modifiedLabel={toLabel}
          />
        ) : null}
        {sides.error ? (
          <div role="alert" className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-white px-6 text-center text-sm">
            <p className="font-medium text-red-800">{change.path} could not be loaded.</p>
            <p className="text-slate-600">{sides.error.message}</p>
            <Button size="sm" onClick={sides.retry}>
              Try again
            </Button>
          </div>
        ) : sides.isPending ? (
          <div role="status" className="absolute inset-0 flex items-center justify-center bg-white/80 text-sm text-slate-600">
            Loading {change.path}…
          </div>
        ) : null}
      </div>
    </section>
  );
}

function sameDiff(left: ShownDiff | null, right: ShownDiff): boolean {
  return left !== null && left.path === right.path && left.original === right.original && left.modified === right.modified;
}

/** Which side is which, and where the file does not exist. */
function SideHeadings({ change, fromLabel, toLabel, inline }: { change: TreeChange; fromLabel: string; toLabel: string; inline: boolean }) {
  const fromText = change.status === "added" ? `${fromLabel} (no such file)` : fromLabel;
  const toText = change.status === "removed" ? `${toLabel} (no such file)` : toLabel;
  const note = change.status === "unchanged" ? "No differences in this file." : null;
  return (
    <div className={cn("grid shrink-0 border-b border-slate-200 bg-slate-50 text-xs text-slate-700", !inline && "grid-cols-2")}>
      {inline ? (
        <p className="truncate px-4 py-1.5">
          <span className="font-medium">{fromText}</span>
          <span aria-hidden> → </span>
          <span className="sr-only"> compared with </span>
          <span className="font-medium">{toText}</span>
          {note ? <span className="ml-3 text-slate-600">{note}</span> : null}
        </p>
      ) : (
        <>
          <p className="truncate border-r border-slate-200 px-4 py-1.5 font-medium">{fromText}</p>
          <p className="truncate px-4 py-1.5">
            <span className="font-medium">{toText}</span>
            {note ? <span className="ml-3 text-slate-600">{note}</span> : null}
          </p>
        </>
      )}
    </div>
  );
}

function InlineIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
      <path d="M3 4h10M3 8h10M3 12h10" />
    </svg>
  );
}
