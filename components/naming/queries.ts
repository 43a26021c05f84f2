import { useQuery, type QueryClient } from "@tanstack/react-query";
import { useDebouncedValue } from "@/components/versions/use-debounced-value";
import { versionKeys } from "@/components/versions/queries";
import { getJson } from "@/lib/http/get-json";
import type { VersionNameJson } from "@/lib/versions/version-json";
import { versionNameKey, versionNameSchema } from "@/lib/versions/schemas";

/** Under the project's versions key, so invalidating all of a project's versions refreshes the names too. */
export const namingKeys = {
  names: (slug: string) => [...versionKeys.all(slug), "names"] as const,
  holders: (slug: string) => [...versionKeys.all(slug), "name-holder"] as const,
  holder: (slug: string, name: string) => [...namingKeys.holders(slug), versionNameKey(name)] as const,
};

function namesUrl(slug: string, name?: string): string {
  const query = name === undefined ? "" : `?${new URLSearchParams({ name })}`;
  return `/api/projects/${encodeURIComponent(slug)}/versions/names${query}`;
}

export async function fetchVersionNames(slug: string, signal?: AbortSignal): Promise<VersionNameJson[]> {
  return (await getJson<{ versions: VersionNameJson[] }>(namesUrl(slug), signal)).versions;
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

/** Long enough to wait out a burst of keystrokes, short enough to answer before the user reaches the button. */
const NAME_CHECK_DELAY_MS = 300;

/**
 * The name of the version that already holds `name` (ignoring case), asked of the server once
 * the user pauses typing; null while the name is free, not yet checked, or not a valid name
 * (the form's own check explains that).
 */
export function useNameHolder(slug: string, name: string): string | null {
  const trimmed = name.trim();
  const settled = useDebouncedValue(trimmed, NAME_CHECK_DELAY_MS);
  const checkable = settled !== "" && versionNameSchema.safeParse(settled).success;
  const holder = useQuery({
    queryKey: namingKeys.holder(slug, settled),
    queryFn: async ({ signal }) => (await getJson<{ versions: VersionNameJson[] }>(namesUrl(slug, settled), signal)).versions[0]?.name ?? null,
    enabled: checkable,
    retry: false,
    // An answer is only good for the moment it was asked: a name free then may be taken since.
    gcTime: 0,
  });
  // An answer about a name the user has since changed says nothing about the one in the field.
  return checkable && settled === trimmed ? (holder.data ?? null) : null;
}

/** Call after creating a version (by any route): the next suggestion must not offer its name again. */
export function addVersionName(queryClient: QueryClient, slug: string, version: VersionNameJson) {
  const entry = { name: version.name, origin: version.origin };
  queryClient.setQueryData<VersionNameJson[]>(namingKeys.names(slug), (versions) => (versions ? [entry, ...versions] : versions));
  void queryClient.invalidateQueries({ queryKey: namingKeys.names(slug), exact: true });
  void queryClient.invalidateQueries({ queryKey: namingKeys.holders(slug) });
}
