import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { getJson } from "@/lib/http/get-json";
import type { VersionFilters } from "@/lib/versions/list-versions";
import type { VersionHealthJson, VersionHistoryPageJson, VersionJson } from "@/lib/versions/version-json";

/** The popover's filters besides the search; an absent one does not narrow the list. */
export type VersionListFilters = Omit<VersionFilters, "search">;

export const NO_FILTERS: VersionListFilters = {};

/** Every versions query of a project sits under `all`, so one invalidation refreshes them all. */
export const versionKeys = {
  all: (slug: string) => ["projects", slug, "versions"] as const,
  lists: (slug: string) => [...versionKeys.all(slug), "list"] as const,
  list: (slug: string, search: string, filters: VersionListFilters = NO_FILTERS) =>
    [...versionKeys.lists(slug), { search, ...definedFilters(filters) }] as const,
  authors: (slug: string) => [...versionKeys.all(slug), "authors"] as const,
  /** After a change that may add versions anywhere in the list (a restore's backup, a deployment's snapshot). */
  invalidateAll: (queryClient: QueryClient, slug: string) => queryClient.invalidateQueries({ queryKey: versionKeys.all(slug) }),
  /** After creating a version: it shows at the top of the list at once (see addCreatedVersion). */
  invalidateAfterCreate: (queryClient: QueryClient, slug: string, version: VersionJson) => addCreatedVersion(queryClient, slug, version),
};

/** Only the filters that narrow, so `{ origin: undefined }` and `{}` share one cache entry. */
function definedFilters(filters: VersionListFilters): VersionListFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as VersionListFilters;
}

export type VersionPages = InfiniteData<VersionHistoryPageJson, number | null>;

function versionsUrl(slug: string, suffix = "", query: Record<string, string | number | null | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== null && value !== undefined && value !== "") params.set(name, String(value));
  return `/api/projects/${encodeURIComponent(slug)}/versions${suffix}?${params}`;
}

/** Versions newest first, 50 a page; the search and filters apply on the server. */
function versionListOptions(slug: string, search: string, filters: VersionListFilters) {
  return infiniteQueryOptions({
    queryKey: versionKeys.list(slug, search, filters),
    queryFn: ({ pageParam, signal }) =>
      getJson<VersionHistoryPageJson>(versionsUrl(slug, "", { search, ...definedFilters(filters), before: pageParam }), signal),
    initialPageParam: null as number | null,
    getNextPageParam: (lastPage) => lastPage.nextBefore,
    // One quiet retry, then the error state with its Try again button rather than a long wait.
    retry: 1,
  });
}

function useVersionPages(slug: string, search: string, filters: VersionListFilters = NO_FILTERS) {
  return useInfiniteQuery({
    ...versionListOptions(slug, search, filters),
    // While a new search loads, keep showing the previous results instead of a spinner.
    placeholderData: keepPreviousData,
  });
}

/**
 * Loads what the popover shows first ahead of the click (when the page around it loads, and on
 * hover or focus of its button): the unfiltered first page and the author filter's choices.
 * Fresh data is not fetched again.
 */
export function prefetchVersionHistory(queryClient: QueryClient, slug: string) {
  void queryClient.prefetchInfiniteQuery(versionListOptions(slug, "", NO_FILTERS));
  void queryClient.prefetchQuery(versionAuthorsOptions(slug));
}

/**
 * The versions of the pages loaded so far as one list, each one's success rate per environment
 * (by version id), the total the server counts, and a `loadMore` that is safe to call while a
 * page is on its way or after the last one.
 */
export function useVersionList(slug: string, search: string, filters: VersionListFilters = NO_FILTERS) {
  const query = useVersionPages(slug, search, filters);
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const versions = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  const health = useMemo(() => healthByVersion(data?.pages ?? []), [data]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { query, versions, health, total: data?.pages.at(-1)?.total ?? 0, loadMore };
}

function healthByVersion(pages: readonly VersionHistoryPageJson[]): ReadonlyMap<string, VersionHealthJson[]> {
  const byVersion = new Map<string, VersionHealthJson[]>();
  for (const row of pages.flatMap((page) => page.health)) byVersion.set(row.versionId, [...(byVersion.get(row.versionId) ?? []), row]);
  return byVersion;
}

/** The project's newest version (the unfiltered list's first row); null while loading or when there is none. */
export function useLatestVersion(slug: string) {
  const query = useVersionPages(slug, "");
  return { latest: query.data?.pages[0]?.items[0] ?? null, isPending: query.isPending };
}

/** Everyone who has created a version of the project, for the author filter. */
export function useVersionAuthors(slug: string) {
  return useQuery({ ...versionAuthorsOptions(slug), select: (data) => data.authors });
}

function versionAuthorsOptions(slug: string) {
  return queryOptions({
    queryKey: versionKeys.authors(slug),
    queryFn: ({ signal }) => getJson<{ authors: string[] }>(versionsUrl(slug, "/authors"), signal),
    retry: 1,
  });
}

/**
 * Puts a version just created at the top of the unfiltered list at once. Searches and filtered
 * lists may or may not match it, so they are refetched; so is the unfiltered list if a fetch was
 * under way, since that answer may predate the new version.
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
  void queryClient.invalidateQueries({ queryKey: versionKeys.authors(slug), exact: true });
}

function isUnfilteredKey(key: readonly unknown[]): boolean {
  const last = key.at(-1);
  if (typeof last !== "object" || last === null) return false;
  return Object.entries(last).every(([name, value]) => (name === "search" ? value === "" : !value));
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
