"use client";

import { useId, useMemo, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { useVersionList } from "@/components/versions/queries";
import { useDebouncedValue } from "@/components/versions/use-debounced-value";
import { Badge } from "@/components/versions/version-badges";
import { VersionListFooter } from "@/components/versions/version-list-footer";
import { VersionListError, VersionListLoading, VersionListNoResults } from "@/components/versions/version-list-states";
import { cn } from "@/lib/cn";
import type { VersionJson } from "@/lib/versions/version-json";
import { useVersionsRunIn } from "./queries";
import type { EnvironmentJson } from "@/lib/environments/environment-json";

const SEARCH_DELAY_MS = 250;

interface VersionPickerDialogProps {
  slug: string;
  environment: EnvironmentJson;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The version chosen; the deploy dialog takes over from here. */
  onPick: (version: VersionJson) => void;
}

/**
 * "Deploy a version…": the project's versions newest first, searchable and paged, each marked
 * when it runs in this environment now or ran here before. Picking one opens the deploy dialog.
 */
export function VersionPickerDialog({ slug, environment, open, onOpenChange, onPick }: VersionPickerDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Deploy a version to ${environment.name}`}
      description="Choose a version, newest first. Next you see what changes before anything is deployed."
      className="flex w-[min(36rem,calc(100vw-2rem))] flex-col"
    >
      {open ? <PickerBody slug={slug} environment={environment} onPick={onPick} /> : null}
    </Dialog>
  );
}

function PickerBody({ slug, environment, onPick }: { slug: string; environment: EnvironmentJson; onPick: (version: VersionJson) => void }) {
  const [search, setSearch] = useState("");
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const { query, versions, total, loadMore } = useVersionList(slug, debouncedSearch);
  const pages = useMemo(() => query.data?.pages.map((page) => page.items.map((version) => version.id)) ?? [], [query.data]);
  const ranHere = useVersionsRunIn(slug, environment.id, pages);
  const activeId = environment.activeVersion?.id ?? null;

  let body;
  if (query.isPending) body = <VersionListLoading />;
  else if (query.isError && !query.data) body = <VersionListError message={query.error.message} onRetry={() => void query.refetch()} />;
  else if (versions.length === 0) {
    body = debouncedSearch ? (
      <VersionListNoResults search={debouncedSearch} filtered={false} onClear={() => setSearch("")} />
    ) : (
      <p className="px-4 py-6 text-center text-sm text-slate-700">No versions yet. Create one in the workspace, then deploy it here.</p>
    );
  } else {
    body = (
      <div className={cn("transition-opacity", query.isPlaceholderData && "opacity-60")} aria-busy={query.isPlaceholderData}>
        <ul aria-label={debouncedSearch ? `Versions matching “${debouncedSearch}”` : "Versions"}>
          {versions.map((version) => (
            <PickerRow
              key={version.id}
              version={version}
              environmentName={environment.name}
              runsNow={version.id === activeId}
              lastRanAt={ranHere.get(version.id) ?? null}
              onPick={onPick}
            />
          ))}
        </ul>
        <VersionListFooter
          shown={versions.length}
          total={total}
          searching={debouncedSearch !== ""}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          nextPageFailed={query.isFetchNextPageError}
          onLoadMore={loadMore}
        />
      </div>
    );
  }

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <input
        type="search"
        aria-label="Search versions"
        placeholder="Search names and descriptions"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm placeholder:text-slate-500 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200"
      />
      <div className="max-h-[min(24rem,55vh)] min-w-0 overflow-y-auto rounded-md border border-slate-200">{body}</div>
    </div>
  );
}

interface PickerRowProps {
  version: VersionJson;
  environmentName: string;
  runsNow: boolean;
  /** When the version last became active in this environment; null if it never ran here. */
  lastRanAt: string | null;
  onPick: (version: VersionJson) => void;
}

/** A button named by the version's name, described by its number, where it ran and when it was made. */
function PickerRow({ version, environmentName, runsNow, lastRanAt, onPick }: PickerRowProps) {
  const id = useId();
  const mark = runsNow ? "runs now" : lastRanAt ? "ran here" : null;
  return (
    <li className="border-b border-slate-100 last:border-b-0">
      <button
        type="button"
        disabled={runsNow}
        aria-labelledby={`${id}-name`}
        aria-describedby={[`${id}-number`, mark ? `${id}-mark` : null, `${id}-created`].filter(Boolean).join(" ")}
        onClick={() => onPick(version)}
        className={cn(
          "flex w-full min-w-0 flex-col gap-0.5 px-3 py-2 text-left",
          "hover:bg-slate-50 focus-visible:bg-indigo-50/60 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600",
          "disabled:cursor-default disabled:bg-slate-50 disabled:hover:bg-slate-50",
        )}
      >
        <span className="flex w-full min-w-0 items-center gap-2">
          <span id={`${id}-name`} title={version.name} className="min-w-0 truncate text-sm font-semibold text-slate-900">
            {version.name}
          </span>
          <span id={`${id}-number`} className="shrink-0 text-xs tabular-nums text-slate-600">
            #{version.number}
          </span>
          {mark ? (
            <Badge
              tone={runsNow ? "violet" : "slate"}
              id={`${id}-mark`}
              title={runsNow ? `${environmentName} runs this version now` : `This version ran in ${environmentName} before`}
            >
              {mark}
            </Badge>
          ) : null}
        </span>
        <span className="flex w-full min-w-0 items-baseline gap-2 text-xs text-slate-600">
          <span id={`${id}-created`} className="shrink-0">
            <span className="sr-only">created </span>
            <RelativeTime date={version.createdAt} />
          </span>
          {version.description ? <span className="min-w-0 truncate">{version.description}</span> : null}
        </span>
      </button>
    </li>
  );
}
