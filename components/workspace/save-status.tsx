"use client";

import type { FileMark } from "@/components/files/file-tree";
import { baseName } from "@/components/files/tree-model";
import { cn } from "@/lib/cn";
import type { FileSnapshot, FileStatus } from "./draft-file-state";

interface Summary {
  text: string;
  tone: "ok" | "busy" | "warn" | "bad";
  /** The first file needing the user's attention, if any. */
  path?: string;
}

// The first status found in this order speaks for the whole draft.
const SUMMARIES: Array<[FileStatus[], Omit<Summary, "path">]> = [
  [["conflict"], { text: "Conflict", tone: "bad" }],
  [["missing", "error"], { text: "Not saved", tone: "bad" }],
  [["failed"], { text: "Not saved — retrying", tone: "warn" }],
  [["offline"], { text: "Offline — changes kept locally", tone: "warn" }],
  [["saving"], { text: "Saving…", tone: "busy" }],
  [["dirty"], { text: "Unsaved changes", tone: "busy" }],
];

export function summarize(statuses: ReadonlyMap<string, FileSnapshot>): Summary {
  for (const [matching, summary] of SUMMARIES) {
    for (const [path, snapshot] of statuses) if (matching.includes(snapshot.status)) return { ...summary, path };
  }
  return { text: "Saved", tone: "ok" };
}

const MARKS: Partial<Record<FileStatus, FileMark>> = {
  dirty: { label: "Unsaved changes", tone: "pending" },
  saving: { label: "Saving", tone: "pending" },
  offline: { label: "Not saved yet, kept in this browser", tone: "pending" },
  failed: { label: "Not saved yet, kept in this browser", tone: "pending" },
  conflict: { label: "Conflict", tone: "problem" },
  missing: { label: "Not saved", tone: "problem" },
  error: { label: "Not saved", tone: "problem" },
};

export function marksFor(statuses: ReadonlyMap<string, FileSnapshot>): Map<string, FileMark> {
  const marks = new Map<string, FileMark>();
  for (const [path, snapshot] of statuses) {
    const mark = MARKS[snapshot.status];
    if (mark) marks.set(path, mark);
  }
  return marks;
}

const DOT: Record<Summary["tone"], string> = {
  ok: "bg-emerald-500",
  busy: "bg-amber-400",
  warn: "bg-amber-500",
  bad: "bg-red-500",
};

/** The draft's save state in the header, with a way to reach a file that needs attention. */
export function SaveStatus({
  statuses,
  selectedPath,
  onOpen,
}: {
  statuses: ReadonlyMap<string, FileSnapshot>;
  selectedPath: string | null;
  onOpen: (path: string) => void;
}) {
  const summary = summarize(statuses);
  const needsAttention = summary.tone === "bad" && summary.path !== undefined && summary.path !== selectedPath;
  return (
    <div className="flex min-w-0 items-center gap-2 text-sm">
      <span
        role="status"
        className={cn("flex shrink-0 items-center gap-1.5 whitespace-nowrap", summary.tone === "bad" ? "font-medium text-red-700" : "text-slate-600")}
      >
        <span className={cn("h-2 w-2 rounded-full", DOT[summary.tone])} aria-hidden />
        {summary.text}
      </span>
      {needsAttention && summary.path ? (
        <button
          type="button"
          className="truncate rounded text-sm text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          onClick={() => summary.path && onOpen(summary.path)}
        >
          Open {baseName(summary.path)}
        </button>
      ) : null}
    </div>
  );
}
