"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { SettingsHistoryJson } from "@/lib/environments/environment-json";
import { CompareRevisions } from "./compare-revisions";
import { LoadFailed } from "./load-failed";
import { useSettingsHistory } from "./queries";

type RevisionJson = SettingsHistoryJson["revisions"][number];

/** Who changed which settings keys when, newest first. Never a value: a secret is only "changed". */
export function SettingsHistory({ slug, environmentId, environmentName }: { slug: string; environmentId: string; environmentName: string }) {
  const headingId = useId();
  const history = useSettingsHistory(slug, environmentId);
  const revisions = history.data?.pages.flatMap((page) => page.revisions) ?? [];
  const current = history.data?.pages[0]?.current ?? 0;
  // Loaded with the panel (edits are based on its current revision), shown only when opened.
  const [open, setOpen] = useState(false);

  let body;
  if (history.isPending) body = <p className="text-sm text-slate-600">Loading the settings history…</p>;
  else if (history.isError && !history.data) {
    body = <LoadFailed what="The settings history" message={history.error.message} onRetry={() => void history.refetch()} />;
  } else if (revisions.length === 0) body = <p className="text-sm text-slate-600">{environmentName}’s settings have not changed yet.</p>;
  else {
    body = (
      <>
        <ol aria-labelledby={headingId} className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {revisions.map((revision) => (
            <RevisionItem key={revision.number} revision={revision} current={revision.number === current} />
          ))}
        </ol>
        <CompareRevisions slug={slug} environmentId={environmentId} numbers={revisions.map((revision) => revision.number)} />
        {history.hasNextPage ? (
          <Button size="sm" variant="ghost" className="mt-1" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {history.isFetchingNextPage ? "Loading older revisions…" : "Show older revisions"}
          </Button>
        ) : null}
      </>
    );
  }
  return (
    <details className="group flex flex-col gap-2" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-semibold text-slate-900">
        <span id={headingId}>Settings history</span>
        {current > 0 ? <span className="ml-2 text-xs font-normal text-slate-600">now revision {current}</span> : null}
      </summary>
      {open ? <div className="mt-2 flex flex-col gap-2">{body}</div> : null}
    </details>
  );
}

function RevisionItem({ revision, current }: { revision: RevisionJson; current: boolean }) {
  const secret = new Set(revision.secretKeys);
  const keys = (list: string[]) => list.map((key) => (secret.has(key) ? `${key} (secret)` : key)).join(", ");
  return (
    <li className="flex flex-col gap-0.5 px-3 py-2 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold text-slate-900">Revision {revision.number}</span>
        {current ? <span className="rounded bg-emerald-50 px-1.5 py-px text-[11px] font-medium text-emerald-800 ring-1 ring-inset ring-emerald-200">active</span> : null}
        {revision.restoredFrom !== null ? <span className="text-xs text-slate-700">restored revision {revision.restoredFrom}</span> : null}
        <span className="ml-auto text-xs text-slate-600">
          {revision.author}
          <span aria-hidden> · </span>
          <span className="sr-only">, </span>
          <RelativeTime date={revision.createdAt} />
        </span>
      </div>
      <ul className="text-xs text-slate-700">
        {revision.added.length > 0 ? <li>Added: {keys(revision.added)}</li> : null}
        {revision.changed.length > 0 ? <li>Changed: {keys(revision.changed)}</li> : null}
        {revision.removed.length > 0 ? <li>Removed: {keys(revision.removed)}</li> : null}
        {revision.added.length + revision.changed.length + revision.removed.length === 0 ? <li>No settings changed.</li> : null}
      </ul>
      {revision.note ? <p className="text-xs italic text-slate-600">{revision.note}</p> : null}
    </li>
  );
}
