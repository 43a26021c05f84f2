import { cn } from "@/lib/cn";
import type { ChangeStatus } from "@/lib/versions/count-changes";
import { STATUS_NAMES } from "./change-groups";

const MARKS: Record<ChangeStatus, { letter: string; tone: string }> = {
  added: { letter: "A", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  modified: { letter: "M", tone: "bg-amber-50 text-amber-900 ring-amber-200" },
  removed: { letter: "D", tone: "bg-rose-50 text-rose-800 ring-rose-200" },
  unchanged: { letter: "=", tone: "bg-slate-50 text-slate-600 ring-slate-200" },
};

/** A one-letter mark for a file's change; the group heading says it in words. */
export function StatusMark({ status }: { status: ChangeStatus }) {
  const { letter, tone } = MARKS[status];
  return (
    <span
      aria-hidden
      title={STATUS_NAMES[status]}
      className={cn("inline-flex h-4 w-4 shrink-0 items-center justify-center rounded text-[10px] font-bold ring-1 ring-inset", tone)}
    >
      {letter}
    </span>
  );
}

/** The change in words, for the diff's header. */
export function StatusBadge({ status }: { status: ChangeStatus }) {
  return (
    <span className={cn("inline-flex shrink-0 items-center rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset", MARKS[status].tone)}>
      {STATUS_NAMES[status]}
    </span>
  );
}
