"use client";

import { useId } from "react";
import { RunHealthBadge } from "@/components/executions/run-health-badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/cn";
import type { VersionRef } from "@/lib/deployments/deployment-entry";
import { LoadFailed } from "./load-failed";
import { useEnvironmentHistory } from "./queries";
import type { DeploymentEntryJson } from "@/lib/environments/environment-json";

const KIND_STYLE: Record<DeploymentEntryJson["kind"], string> = {
  deploy: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  promote: "bg-sky-50 text-sky-800 ring-sky-200",
  rollback: "bg-amber-50 text-amber-900 ring-amber-200",
};

/** An environment's deployments, newest first, ten at a time. */
export function DeploymentHistory({ slug, environmentId, environmentName }: { slug: string; environmentId: string; environmentName: string }) {
  const headingId = useId();
  const history = useEnvironmentHistory(slug, environmentId);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  const health = new Map(history.data?.pages.flatMap((page) => page.health.map((row) => [row.versionId, row] as const)));

  let body;
  if (history.isPending) body = <p className="text-sm text-slate-600">Loading the history…</p>;
  else if (history.isError && !history.data) {
    body = <LoadFailed what="The history" message={history.error.message} onRetry={() => void history.refetch()} />;
  } else if (items.length === 0) body = <p className="text-sm text-slate-600">Nothing has been deployed to {environmentName} yet.</p>;
  else {
    body = (
      <>
        <ol aria-labelledby={headingId} className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {items.map((entry) => (
            <HistoryItem key={entry.id} entry={entry} runs={health.get(entry.version.id) ?? null} />
          ))}
        </ol>
        {history.hasNextPage ? (
          <Button size="sm" variant="ghost" className="mt-1" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {history.isFetchingNextPage ? "Loading older deployments…" : "Show older deployments"}
          </Button>
        ) : null}
        {history.isFetchNextPageError ? <p className="text-xs text-red-800">Older deployments could not be loaded. Try again.</p> : null}
      </>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        Deployment history
      </h3>
      {body}
    </div>
  );
}

/** One deployment; `runs` is how its version's finished runs went in this environment, when any did. */
function HistoryItem({ entry, runs }: { entry: DeploymentEntryJson; runs: { succeeded: number; failed: number } | null }) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 px-3 py-2 text-sm">
      <span className={cn("inline-flex rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset", KIND_STYLE[entry.kind])}>{entry.kind}</span>
      <span className="sr-only">: </span>
      <span className="text-slate-900">
        {entry.previousVersion ? (
          <>
            <VersionName version={entry.previousVersion} />
            <span aria-hidden> → </span>
            <span className="sr-only"> to </span>
          </>
        ) : (
          <>
            <span className="text-slate-600">nothing</span>
            <span aria-hidden> → </span>
            <span className="sr-only"> to </span>
          </>
        )}
        <VersionName version={entry.version} strong />
      </span>
      {runs ? (
        <>
          <span className="sr-only">, </span>
          <RunHealthBadge succeeded={runs.succeeded} failed={runs.failed} />
        </>
      ) : null}
      {entry.settingsRevision !== null ? (
        <span className="text-xs text-slate-600">
          <span className="sr-only">, </span>settings revision {entry.settingsRevision}
        </span>
      ) : null}
      <span className="ml-auto text-xs text-slate-600">
        <span className="sr-only">, by </span>
        {entry.author}
        {entry.approvedBy.length > 0 ? <>, approved by {entry.approvedBy.join(", ")}</> : null}
        <span aria-hidden> · </span>
        <span className="sr-only">, </span>
        <RelativeTime date={entry.createdAt} />
      </span>
    </li>
  );
}

function VersionName({ version, strong }: { version: VersionRef; strong?: boolean }) {
  return (
    <span className={strong ? "font-semibold" : undefined}>
      {version.name} <span className="text-xs font-normal tabular-nums text-slate-600">#{version.number}</span>
    </span>
  );
}
