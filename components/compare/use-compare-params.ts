"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { DRAFT_REF } from "./queries";

export interface CompareParams {
  from: string;
  to: string;
  /** The file asked for; null shows the first changed file. */
  file: string | null;
  /** A new pair of sides is a new history entry, so Back returns to the previous pair. */
  setSides: (from: string, to: string) => void;
  selectFile: (path: string | null) => void;
}

/**
 * The compared sides and the open file live in the URL, so a reload or a shared link shows
 * the same comparison. The History API (which Next keeps useSearchParams in step with)
 * changes them without a server round trip.
 */
export function useCompareParams(): CompareParams {
  const params = useSearchParams();
  const update = useCallback((changes: Record<string, string | null>, mode: "push" | "replace") => {
    const url = new URL(window.location.href);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) url.searchParams.delete(name);
      else url.searchParams.set(name, value);
    }
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);
  const setSides = useCallback((from: string, to: string) => update({ from, to }, "push"), [update]);
  const selectFile = useCallback((path: string | null) => update({ file: path }, "replace"), [update]);
  return {
    from: params.get("from") || DRAFT_REF,
    to: params.get("to") || DRAFT_REF,
    file: params.get("file"),
    setSides,
    selectFile,
  };
}
