"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { compareHref } from "@/components/compare/compare-href";
import { DRAFT_REF } from "@/components/compare/queries";
import { LoadFailed } from "@/components/environments/load-failed";
import type { DeployPreviewJson, FileChangeJson } from "@/lib/deployments/deployment-json";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { countChanges } from "@/lib/versions/count-changes";

const SHOWN_AT_FIRST = 8;

const STATUS: Record<FileChangeJson["status"], { label: string; sign: string; className: string }> = {
  added: { label: "added", sign: "+", className: "text-emerald-700" },
  modified: { label: "changed", sign: "~", className: "text-amber-800" },
  removed: { label: "removed", sign: "−", className: "text-red-700" },
};

interface DeployChangesProps {
  slug: string;
  /** What is being deployed, as the compare view names it: `draft` or a version id. */
  to: string;
  environmentName: string;
  preview: UseQueryResult<DeployPreviewJson>;
}

/** "What changes": the files that differ from what the environment runs now, with the diff a click away. */
export function DeployChanges({ slug, to, environmentName, preview }: DeployChangesProps) {
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  let body;
  if (preview.isPending) body = <p className="text-slate-600">Comparing with what {environmentName} runs now…</p>;
  else if (preview.isError) {
    body = <LoadFailed what="The changes" message={preview.error.message} onRetry={() => void preview.refetch()} />;
  } else {
    const { changes, environment } = preview.data;
    const active = environment.activeVersion;
    const counts = countChanges(changes);
    const shown = showAll ? changes : changes.slice(0, SHOWN_AT_FIRST);
    body = (
      <>
        <p className="text-slate-700">
          {!active
            ? `Nothing runs in ${environment.name} yet: ${plural(changes.length, "file")} will be deployed for the first time.`
            : changes.length === 0
              ? `The same files as ${active.name} (#${active.number}), which ${environment.name} runs now.`
              : `Compared with ${active.name} (#${active.number}), which ${environment.name} runs now: ${counts.added} added, ${counts.modified} changed, ${counts.removed} removed.`}
        </p>
        {active && changes.length > 0 ? (
          <ul className="mt-2 max-h-40 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs">
            {shown.map((change) => (
              <li key={change.path} className="flex gap-2 py-0.5">
                <span aria-hidden className={cn("w-3 shrink-0 font-bold", STATUS[change.status].className)}>
                  {STATUS[change.status].sign}
                </span>
                <span className="min-w-0 truncate" title={change.path}>
                  {change.path}
                </span>
                <span className={cn("ml-auto shrink-0 font-sans", STATUS[change.status].className)}>{STATUS[change.status].label}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-1 flex items-center gap-3">
          {changes.length > shown.length ? (
            <Button size="sm" variant="ghost" onClick={() => setShowAll(true)}>
              Show all {changes.length} files
            </Button>
          ) : null}
          {active && changes.length > 0 ? (
            <Link
              href={compareHref(slug, active.id, to)}
              className="rounded text-xs font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              Compare {active.name} with {to === DRAFT_REF ? "the latest draft" : "this version"}
            </Link>
          ) : null}
        </div>
      </>
    );
  }
  return (
    <div aria-labelledby={headingId} role="group" className="text-sm">
      <h3 id={headingId} className="mb-1 text-sm font-medium text-slate-800">
        What changes in {environmentName}
      </h3>
      {body}
    </div>
  );
}

function plural(count: number, word: string) {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}
