"use client";

import { useCallback, useDeferredValue, useState, type KeyboardEvent, type RefObject } from "react";
import { cn } from "@/lib/cn";
import type { VersionHealthJson } from "@/lib/versions/version-json";
import { useVersionList, type VersionListFilters } from "./queries";
import { VersionListFooter } from "./version-list-footer";
import { VersionListEmpty, VersionListError, VersionListLoading, VersionListNoResults } from "./version-list-states";
import { VersionRow } from "./version-row";

interface VersionListProps {
  slug: string;
  /** Trimmed and debounced. */
  search: string;
  filters: VersionListFilters;
  latestNumber: number | null;
  highlightId: string | null;
  listRef: RefObject<HTMLUListElement | null>;
  onCreate: () => void;
  /** Clears the search and the filters. */
  onClearSearch: () => void;
  /** Arrow Up on the first row leaves the list (back to the search box). */
  onLeaveTop: () => void;
}

const PAGE_JUMP = 10;
const NO_HEALTH: readonly VersionHealthJson[] = [];
/** More than fit on screen: the popover paints these first and renders the rest right after. */
const FIRST_PAINT_ROWS = 16;

export function VersionList(props: VersionListProps) {
  const { slug, search, filters, latestNumber, highlightId, listRef, onCreate, onClearSearch, onLeaveTop } = props;
  const { query, versions, health, total, loadMore } = useVersionList(slug, search, filters);
  // The opening click waits for these rows only; the rest of the page follows in the background.
  const renderedCount = useDeferredValue(versions.length, Math.min(versions.length, FIRST_PAINT_ROWS));
  const filtered = Object.values(filters).some(Boolean);
  const narrowed = search !== "" || filtered;
  const listKey = JSON.stringify([search, filters]);

  // The active row resets to the first whenever the search or a filter changes.
  const [nav, setNav] = useState({ listKey, index: 0 });
  const activeIndex = Math.min(nav.listKey === listKey ? nav.index : 0, Math.max(versions.length - 1, 0));
  const activate = useCallback((index: number) => setNav({ listKey, index }), [listKey]);

  function focusRow(index: number) {
    activate(index);
    listRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>("[data-row-index]");
    if (!row) return;
    const from = Number(row.dataset.rowIndex);
    const last = versions.length - 1;
    let to: number;
    switch (event.key) {
      case "ArrowDown":
        if (from === last) loadMore();
        to = Math.min(from + 1, last);
        break;
      case "ArrowUp":
        if (from === 0) {
          event.preventDefault();
          onLeaveTop();
          return;
        }
        to = from - 1;
        break;
      case "Home":
        to = 0;
        break;
      case "End":
        to = last;
        break;
      case "PageDown":
        to = Math.min(from + PAGE_JUMP, last);
        break;
      case "PageUp":
        to = Math.max(from - PAGE_JUMP, 0);
        break;
      default:
        return;
    }
    event.preventDefault();
    focusRow(to);
  }

  const stale = query.isPlaceholderData;
  const announcement = narrowed && query.isSuccess && !stale ? matchCount(total, search) : "";
  let body;
  if (query.isPending) body = <VersionListLoading />;
  else if (query.isError && !query.data) {
    body = <VersionListError message={query.error.message} onRetry={() => void query.refetch()} />;
  } else if (versions.length === 0) {
    body = narrowed ? <VersionListNoResults search={search} filtered={filtered} onClear={onClearSearch} /> : <VersionListEmpty onCreate={onCreate} />;
  } else {
    body = (
      // A new search or filter starts at the top (keyed), not at the old scroll position near the footer.
      <div key={listKey} className={cn("min-h-0 flex-1 overflow-y-auto transition-opacity", stale && "opacity-60")} aria-busy={stale}>
        <ul ref={listRef} aria-label={listLabel(search, narrowed)} onKeyDown={handleKeyDown}>
          {versions.slice(0, renderedCount).map((version, index) => (
            <VersionRow
              key={version.id}
              version={version}
              health={health.get(version.id) ?? NO_HEALTH}
              index={index}
              isLatest={version.number === latestNumber}
              isActive={index === activeIndex}
              isHighlighted={version.id === highlightId}
              onActivate={activate}
            />
          ))}
        </ul>
        <VersionListFooter
          shown={versions.length}
          total={total}
          searching={narrowed}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          nextPageFailed={query.isFetchNextPageError}
          onLoadMore={loadMore}
        />
      </div>
    );
  }
  return (
    <>
      {body}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </>
  );
}

function listLabel(search: string, narrowed: boolean): string {
  if (search) return `Versions matching “${search}”`;
  return narrowed ? "Versions matching the filters" : "Versions";
}

function matchCount(total: number, search: string): string {
  const what = search ? `“${search}”` : "the filters";
  return `${total.toLocaleString("en")} ${total === 1 ? "version matches" : "versions match"} ${what}.`;
}
