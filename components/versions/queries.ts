import {
  keepPreviousData,
  useInfiniteQuery,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { getJson } from "@/lib/http/get-json";
import type { VersionJson, VersionPageJson } from "@/lib/versions/version-json";

/** Every versions query of a project sits under `all`, so one invalidation refreshes them all. */
export const versionKeys = {
  all: (slug: string) => ["projects", slug, "versions"] as const,
  lists: (slug: string) => [...versionKeys.all(slug), "list"] as const,
  list: (slug: string, search: string) => [...versionKeys.lists(slug), { search }] as const,
  /** After a change that may add versions anywhere in the list (a restore's backup, a deployment's snapshot). */
  invalidateAll: (queryClient: QueryClient, slug: string) => queryClient.invalidateQueries({ queryKey: versionKeys.all(slug) }),
  /** After creating a version: it shows at the top of the list at once (see addCreatedVersion). */
  invalidateAfterCreate: (queryClient: QueryClient, slug: string, version: VersionJson) => addCreatedVersion(queryClient, slug, version),
};

export type VersionPages = InfiniteData<VersionPageJson, number | null>;

function fetchVersionPage(slug: string, search: string, before: number | null, signal?: AbortSignal): Promise<VersionPageJson> {
  const query = new URLSearchParams();
  if (search) query.set("search", search);
  if (before !== null) query.set("before", String(before));
  return getJson(`/api/projects/${encodeURIComponent(slug)}/versions?${query}`, signal);
}

/** Versions newest first, 50 a page; `search` matches name or description on the server. */
function useVersionPages(slug: string, search: string) {
  return useInfiniteQuery({
    queryKey: versionKeys.list(slug, search),
    queryFn: ({ pageParam, signal }) => fetchVersionPage(slug, search, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (lastPage) => lastPage.nextBefore,
    // While a new search loads, keep showing the previous results instead of a spinner.
    placeholderData: keepPreviousData,
    // One quiet retry, then the error state with its Try again button rather than a long wait.
    retry: 1,
  });
}

/**
 * The versions of the pages loaded so far as one list, the total the server counts, and a
 * `loadMore` that is safe to call while a page is on its way or after the last one.
 */
export function useVersionList(slug: string, search: string) {
  const query = useVersionPages(slug, search);
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const versions = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { query, versions, total: data?.pages.at(-1)?.total ?? 0, loadMore };
}

/** The project's newest version (the unfiltered list's first row); null while loading or when there is none. */
export function useLatestVersion(slug: string) {
  const query = useVersionPages(slug, "");
  return { latest: query.data?.pages[0]?.items[0] ?? null, isPending: query.isPending };
}

/**
 * Puts a version just created at the top of the unfiltered list at once. Searches may or may
 * not match it, so they are refetched; so is the unfiltered list if a fetch was under way,
 * since that answer may predate the new version.
 */
export function addCreatedVersion(queryClient: QueryClient, slug: string, version: VersionJson) {
  const unfiltered = versionKeys.list(slug, "");
  if (queryClient.isFetching({ queryKey: unfiltered, exact: true }) > 0) {
    void queryClient.invalidateQueries({ queryKey: unfiltered, exact: true });
  } else {
    queryClient.setQueryData<VersionPages>(unfiltered, (old) => prependVersion(old, version));
  }
  void queryClient.invalidateQueries({
    queryKey: versionKeys.lists(slug),
    predicate: (query) => !isUnfilteredKey(query.queryKey),
  });
}

function isUnfilteredKey(key: readonly unknown[]): boolean {
  const last = key.at(-1);
  return typeof last === "object" && last !== null && (last as { search?: unknown }).search === "";
}

function prependVersion(old: VersionPages | undefined, version: VersionJson): VersionPages | undefined {
  if (!old || old.pages.length === 0) return old;
  if (old.pages.some((page) => page.items.some((item) => item.id === version.id))) return old;
  const pages = old.pages.map((page, index) => ({
    ...page,
    items: index === 0 ? [version, ...page.items] : page.items,
    total: page.total + 1,
  }));
  return { ...old, pages };
}
