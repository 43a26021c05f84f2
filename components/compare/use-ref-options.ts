"use client";

import { useMemo } from "react";
import { useVersionList } from "@/components/versions/queries";
import { useDebouncedValue } from "@/components/versions/use-debounced-value";
import type { VersionJson } from "@/lib/versions/version-json";
import { versionLabel } from "./change-groups";
import { DRAFT_REF } from "./queries";

export interface RefOption {
  ref: string;
  label: string;
  version: VersionJson | null;
}

export type RefOptions = ReturnType<typeof useRefOptions>;

const SEARCH_DELAY_MS = 250;
const DRAFT_OPTION: RefOption = { ref: DRAFT_REF, label: "Latest draft", version: null };

function matches(text: string, typed: string) {
  return text.toLowerCase().includes(typed.toLowerCase());
}

/**
 * What a side picker offers: the latest draft, then versions newest first, 50 at a time,
 * matched by name or description on the server. Until the server has answered for what was
 * typed, the versions already loaded are narrowed here, so Enter never picks a stale option.
 */
export function useRefOptions(slug: string, typed: string) {
  const search = useDebouncedValue(typed, SEARCH_DELAY_MS);
  const { query, versions: loaded, total, loadMore } = useVersionList(slug, search);
  const settled = search === typed && !query.isPlaceholderData;
  const options = useMemo(() => {
    const versions = settled ? loaded : loaded.filter((version) => matches(version.name, typed) || matches(version.description, typed));
    const versionOptions = versions.map((version) => ({ ref: version.id, label: versionLabel(version), version }));
    return typed === "" || matches(DRAFT_OPTION.label, typed) ? [DRAFT_OPTION, ...versionOptions] : versionOptions;
  }, [loaded, settled, typed]);

  return {
    options,
    /** What the shown versions were searched for on the server; differs from `typed` until it answers. */
    search: settled ? search : null,
    loading: query.isPending,
    total,
    error: query.isError && !query.data ? query.error : null,
    retry: () => void query.refetch(),
    hasMore: query.hasNextPage,
    loadMore,
  };
}
