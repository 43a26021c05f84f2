"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

export interface SelectedFile {
  /** The file shown: the requested one, else README.md, else the first file; null without files. */
  selected: string | null;
  select: (path: string | null) => void;
  /** A path the URL asked for that is not among the files, so something else is shown. */
  missing: string | null;
}

/**
 * The open file lives in the URL (`?file=workflows/order-sync.ts`) so a reload or a shared
 * link shows the same file. Without a valid one, README.md or else the first file is shown.
 */
export function useSelectedFile(paths: readonly string[]): SelectedFile {
  const requested = useSearchParams().get("file");
  const found = requested !== null && paths.includes(requested);
  const selected = found ? requested : (paths.find((path) => path.toLowerCase() === "readme.md") ?? paths[0] ?? null);

  // The History API (which Next keeps useSearchParams in step with) avoids a server round trip per click.
  const select = useCallback((path: string | null) => {
    const url = new URL(window.location.href);
    if (path === null) url.searchParams.delete("file");
    else url.searchParams.set("file", path);
    window.history.replaceState(null, "", url);
  }, []);

  return { selected, select, missing: requested !== null && !found ? requested : null };
}
