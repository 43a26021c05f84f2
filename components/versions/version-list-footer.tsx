"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

interface VersionListFooterProps {
  shown: number;
  total: number;
  searching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageFailed: boolean;
  onLoadMore: () => void;
}

/** Counts, and the next page: loaded when the footer scrolls into view, or by the button. */
export function VersionListFooter(props: VersionListFooterProps) {
  const { shown, total, searching, hasNextPage, isFetchingNextPage, nextPageFailed, onLoadMore } = props;
  const ref = useRef<HTMLDivElement>(null);
  const autoLoad = hasNextPage && !isFetchingNextPage && !nextPageFailed;

  useEffect(() => {
    const element = ref.current;
    if (!element || !autoLoad) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [autoLoad, onLoadMore]);

  const noun = searching ? (total === 1 ? "matching version" : "matching versions") : total === 1 ? "version" : "versions";
  return (
    // Never a scroll anchor: pinned in view as rows are added, it would load page after page.
    <div ref={ref} className="flex items-center justify-between gap-2 border-t border-slate-100 px-4 py-2 text-xs text-slate-600 [overflow-anchor:none]">
      <span>
        {hasNextPage
          ? `Showing ${shown.toLocaleString("en")} of ${total.toLocaleString("en")} ${noun}`
          : `${total.toLocaleString("en")} ${noun}`}
      </span>
      {nextPageFailed ? (
        <span role="alert" className="flex items-center gap-2 text-red-800">
          Could not load more.
          <Button size="sm" onClick={onLoadMore}>
            Try again
          </Button>
        </span>
      ) : hasNextPage ? (
        <Button size="sm" aria-disabled={isFetchingNextPage} onClick={isFetchingNextPage ? undefined : onLoadMore}>
          {isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
