import { countChanges } from "@/lib/versions/count-changes";
import type { RestorePreviewJson } from "@/lib/versions/version-json";

type Change = RestorePreviewJson["changes"][number];

const LABELS: Record<Change["status"], { text: string; className: string }> = {
  added: { text: "Added", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  modified: { text: "Changed", className: "bg-amber-50 text-amber-900 ring-amber-200" },
  removed: { text: "Removed", className: "bg-red-50 text-red-800 ring-red-200" },
};

/** What restoring does to the draft: counts, then every path, in a list that scrolls. */
export function RestoreChanges({ changes, versionName }: { changes: Change[]; versionName: string }) {
  if (changes.length === 0) {
    return <p className="text-sm text-slate-700">No file changes: the draft already holds exactly the files of {versionName}.</p>;
  }
  const counts = countChanges(changes);
  const parts = [
    counts.added ? `${counts.added} added` : null,
    counts.modified ? `${counts.modified} changed` : null,
    counts.removed ? `${counts.removed} removed` : null,
  ].filter(Boolean);
  return (
    <div>
      <p className="text-sm text-slate-800">
        <span className="font-medium">
          {changes.length} {changes.length === 1 ? "file changes" : "files change"} in the draft:
        </span>{" "}
        {parts.join(", ")}.
      </p>
      {/* Focusable so the list scrolls from the keyboard too. */}
      <div
        role="group"
        aria-label="Files that change"
        tabIndex={0}
        className="mt-2 max-h-48 overflow-y-auto rounded-md border border-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <ul className="divide-y divide-slate-100">
          {changes.map((change) => (
            <li key={change.path} className="flex items-center gap-2 px-3 py-1.5 text-[13px]">
              <span
                className={`inline-flex w-16 shrink-0 justify-center rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset ${LABELS[change.status].className}`}
              >
                {LABELS[change.status].text}
              </span>
              <span className="min-w-0 break-all font-mono text-slate-800">{change.path}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
