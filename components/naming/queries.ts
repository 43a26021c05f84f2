import { useQuery, type QueryClient } from "@tanstack/react-query";
import { versionKeys } from "@/components/versions/queries";
import { getJson } from "@/lib/http/get-json";

/** Under the project's versions key, so invalidating all of a project's versions refreshes the names too. */
export const namingKeys = {
  names: (slug: string) => [...versionKeys.all(slug), "names"] as const,
};

export async function fetchVersionNames(slug: string, signal?: AbortSignal): Promise<string[]> {
  return (await getJson<{ names: string[] }>(`/api/projects/${encodeURIComponent(slug)}/versions/names`, signal)).names;
}

/**
 * All of the project's version names, newest first, for suggestions. Refetched whenever a
 * naming dialog opens (the default staleness), since versions also come from deployments,
 * restores and other tabs.
 */
export function useVersionNames(slug: string) {
  return useQuery({
    queryKey: namingKeys.names(slug),
    queryFn: ({ signal }) => fetchVersionNames(slug, signal),
    retry: 1,
  });
}

/** Call after creating a version (by any route): the next suggestion must not offer its name again. */
export function addVersionName(queryClient: QueryClient, slug: string, name: string) {
  queryClient.setQueryData<string[]>(namingKeys.names(slug), (names) => (names ? [name, ...names] : names));
  void queryClient.invalidateQueries({ queryKey: namingKeys.names(slug), exact: true });
}
