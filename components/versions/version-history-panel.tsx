"use client";

import { useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { NO_FILTERS, useLatestVersion, type VersionListFilters } from "./queries";
import { useDebouncedValue } from "./use-debounced-value";
import { VersionFilterBar } from "./version-filters";
import { VersionList } from "./version-list";

const SEARCH_DELAY_MS = 250;

interface VersionHistoryPanelProps {
  slug: string;
  projectName: string;
  titleId: string;
  searchRef: RefObject<HTMLInputElement | null>;
  createButtonRef: RefObject<HTMLButtonElement | null>;
  highlightId: string | null;
  onCreate: () => void;
}

/** The popover's content: title, the `+` (Create version), search, filters, and the list. */
export function VersionHistoryPanel(props: VersionHistoryPanelProps) {
  const { slug, projectName, titleId, searchRef, createButtonRef, highlightId, onCreate } = props;
  const [search, setSearch] = useState("");
  const [filters, setFilters] = useState<VersionListFilters>(NO_FILTERS);
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const listRef = useRef<HTMLUListElement>(null);
  // The newest version overall, so `Latest` stays right while a search is shown.
  const latestNumber = useLatestVersion(slug).latest?.number ?? null;

  function clearSearch() {
    setSearch("");
    setFilters(NO_FILTERS);
    searchRef.current?.focus();
  }

  function enterList(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "ArrowDown") return;
    const row = listRef.current?.querySelector<HTMLElement>('[data-row-index][tabindex="0"]');
    if (!row) return;
    event.preventDefault();
    row.focus();
  }

  return (
    // As tall as the window allows: at 1440×900 that shows eight rows and more.
    <div className="flex max-h-[min(52rem,var(--radix-popover-content-available-height))] flex-col">
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-3 py-2">
        <div className="flex min-w-0 items-baseline gap-2">
          <h2 id={titleId} className="shrink-0 text-sm font-semibold text-slate-900">
            Version history
          </h2>
          <p className="truncate text-xs text-slate-600">{projectName}</p>
        </div>
        <Button ref={createButtonRef} variant="primary" size="icon" aria-label="Create version" title="Create version" onClick={onCreate}>
          <PlusIcon />
        </Button>
      </div>
      <div className="border-b border-slate-200 px-3 py-2">
        <input
          ref={searchRef}
          type="search"
          aria-label="Search versions"
          placeholder="Search names and descriptions"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={enterList}
          className="w-full rounded-md border border-slate-300 px-2.5 py-1 text-sm placeholder:text-slate-500 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200"
        />
        <VersionFilterBar slug={slug} filters={filters} onChange={setFilters} />
      </div>
      <VersionList
        slug={slug}
        search={debouncedSearch}
        filters={filters}
        latestNumber={latestNumber}
        highlightId={highlightId}
        listRef={listRef}
        onCreate={onCreate}
        onClearSearch={clearSearch}
        onLeaveTop={() => searchRef.current?.focus()}
      />
    </div>
  );
}

function PlusIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
      <path d="M8 3v10M3 8h10" />
    </svg>
  );
}
