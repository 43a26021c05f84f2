import { useInfiniteQuery, useQueries, useQuery, type InfiniteData, type QueryClient, type UseQueryResult } from "@tanstack/react-query";
import { versionKeys } from "@/components/versions/queries";
import { draftStatusKeys } from "@/components/workspace/draft-status-queries";
import { getJson } from "@/lib/http/get-json";
import type { DeployPreviewJson, SettingsComparisonJson, VersionRunInJson } from "@/lib/deployments/deployment-json";
import type {
  EnvironmentHistoryJson,
  EnvironmentJson,
  EnvironmentSettingJson,
  KeyAcrossEnvironmentsJson,
  RevisionComparisonJson,
  SettingsHistoryJson,
} from "@/lib/environments/environment-json";

/**
 * Every environments query of a project sits under `all`; one environment's under `environment`,
 * so a settings change refreshes that environment's settings and rollback warnings only.
 */
export const environmentKeys = {
  all: (slug: string) => ["projects", slug, "environments"] as const,
  list: (slug: string) => [...environmentKeys.all(slug), "list"] as const,
  environment: (slug: string, environmentId: string) => [...environmentKeys.all(slug), "environment", environmentId] as const,
  history: (slug: string, environmentId: string) => [...environmentKeys.environment(slug, environmentId), "history"] as const,
  settings: (slug: string, environmentId: string) => [...environmentKeys.environment(slug, environmentId), "settings"] as const,
  settingsRevisions: (slug: string, environmentId: string) => [...environmentKeys.environment(slug, environmentId), "settings-revisions"] as const,
  /** The settings revision the browser last saw: what an edit is based on (a stale edit is refused). */
  seenSettingsRevision: (queryClient: QueryClient, slug: string, environmentId: string) =>
    queryClient.getQueryData<InfiniteData<SettingsHistoryJson>>(environmentKeys.settingsRevisions(slug, environmentId))?.pages[0]?.current,
  revisionComparison: (slug: string, environmentId: string, from: number, to: number) =>
    [...environmentKeys.settingsRevisions(slug, environmentId), "compare", { from, to }] as const,
  /** One key in every environment: under `all`, so any environment's settings change refreshes it. */
  keyAcrossEnvironments: (slug: string, key: string) => [...environmentKeys.all(slug), "key-across-environments", key] as const,
  settingsComparisons: (slug: string, environmentId: string) =>
    [...environmentKeys.environment(slug, environmentId), "settings-comparison"] as const,
  settingsComparison: (slug: string, environmentId: string, versionId: string) =>
    [...environmentKeys.settingsComparisons(slug, environmentId), versionId] as const,
  deployPreview: (slug: string, environmentId: string, versionId: string | null) =>
    [...environmentKeys.environment(slug, environmentId), "deploy-preview", { versionId }] as const,
  versionsRun: (slug: string, environmentId: string, versionIds: readonly string[]) =>
    [...environmentKeys.environment(slug, environmentId), "versions-run", versionIds] as const,
  /** After a deploy, promotion or rollback: what runs where, the versions (badges, new version) and the draft's base. */
  invalidateAfterDeployment: (queryClient: QueryClient, slug: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: environmentKeys.all(slug) }),
      versionKeys.invalidateAll(queryClient, slug),
      draftStatusKeys.invalidate(queryClient, slug),
    ]),
  /** After a refused deployment, which often means someone else deployed meanwhile: what runs now. */
  invalidateAfterRefusedDeployment: (queryClient: QueryClient, slug: string) => queryClient.invalidateQueries({ queryKey: environmentKeys.all(slug) }),
  /** After a settings change (or a refused one, which means they changed meanwhile): that environment's settings, their history and rollback warnings. */
  invalidateAfterSettingsChange: (queryClient: QueryClient, slug: string, environmentId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: environmentKeys.settings(slug, environmentId) }),
      queryClient.invalidateQueries({ queryKey: environmentKeys.settingsRevisions(slug, environmentId) }),
      queryClient.invalidateQueries({ queryKey: [...environmentKeys.all(slug), "key-across-environments"] }),
      queryClient.invalidateQueries({ queryKey: environmentKeys.settingsComparisons(slug, environmentId) }),
    ]),
};

function environmentsUrl(slug: string, suffix = "", query?: Record<string, string | number | null | undefined>) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== null && value !== undefined) search.set(name, String(value));
  const queryString = search.size > 0 ? `?${search}` : "";
  return `/api/projects/${encodeURIComponent(slug)}/environments${suffix}${queryString}`;
}

export function useEnvironments(slug: string, initialData?: EnvironmentJson[]) {
  return useQuery({
    queryKey: environmentKeys.list(slug),
    queryFn: ({ signal }) => getJson<EnvironmentJson[]>(environmentsUrl(slug), signal),
    initialData,
    retry: 1,
  });
}

export function useEnvironmentHistory(slug: string, environmentId: string) {
  return useInfiniteQuery({
    queryKey: environmentKeys.history(slug, environmentId),
    queryFn: ({ pageParam, signal }) =>
      getJson<EnvironmentHistoryJson>(environmentsUrl(slug, `/${encodeURIComponent(environmentId)}/history`, { before: pageParam, limit: 10 }), signal),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
    retry: 1,
  });
}

export function useEnvironmentSettings(slug: string, environmentId: string) {
  return useQuery({
    queryKey: environmentKeys.settings(slug, environmentId),
    queryFn: ({ signal }) => getJson<EnvironmentSettingJson[]>(environmentsUrl(slug, `/${encodeURIComponent(environmentId)}/settings`), signal),
    retry: 1,
  });
}

export function useSettingsHistory(slug: string, environmentId: string) {
  return useInfiniteQuery({
    queryKey: environmentKeys.settingsRevisions(slug, environmentId),
    queryFn: ({ pageParam, signal }) =>
      getJson<SettingsHistoryJson>(environmentsUrl(slug, `/${encodeURIComponent(environmentId)}/settings-revisions`, { before: pageParam }), signal),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
    retry: 1,
  });
}

export function useRevisionComparison(slug: string, environmentId: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: environmentKeys.revisionComparison(slug, environmentId, pair?.from ?? 0, pair?.to ?? 0),
    queryFn: ({ signal }) =>
      getJson<RevisionComparisonJson>(environmentsUrl(slug, `/${encodeURIComponent(environmentId)}/settings-revisions/compare`, { from: pair?.from, to: pair?.to }), signal),
    enabled: pair !== null,
    retry: 1,
  });
}

export function useKeyAcrossEnvironments(slug: string, key: string | null) {
  return useQuery({
    queryKey: environmentKeys.keyAcrossEnvironments(slug, key ?? ""),
    queryFn: ({ signal }) => getJson<KeyAcrossEnvironmentsJson>(`/api/projects/${encodeURIComponent(slug)}/settings-compare?key=${encodeURIComponent(key ?? "")}`, signal),
    enabled: key !== null,
    staleTime: 0,
    retry: 1,
  });
}

export function useSettingsComparison(slug: string, environmentId: string, versionId: string | null) {
  return useQuery({
    queryKey: environmentKeys.settingsComparison(slug, environmentId, versionId ?? ""),
    queryFn: ({ signal }) =>
      getJson<SettingsComparisonJson>(environmentsUrl(slug, `/${encodeURIComponent(environmentId)}/settings-comparison`, { versionId }), signal),
    enabled: versionId !== null,
    // Settings may change in another tab; the warning must be current when the dialog opens.
    staleTime: 0,
    retry: 1,
  });
}

/** `versionId` null previews deploying the latest draft. */
export function useDeployPreview(slug: string, environmentId: string | null, versionId: string | null) {
  return useQuery({
    queryKey: environmentKeys.deployPreview(slug, environmentId ?? "", versionId),
    queryFn: ({ signal }) =>
      getJson<DeployPreviewJson>(environmentsUrl(slug, `/${encodeURIComponent(environmentId ?? "")}/deploy-preview`, { versionId }), signal),
    enabled: environmentId !== null,
    staleTime: 0,
    retry: 1,
  });
}

/**
 * Which versions of the pages loaded so far have run in the environment: version id → when it
 * last became active there. One request per page, so loading a page asks only about its versions.
 */
export function useVersionsRunIn(slug: string, environmentId: string, pages: ReadonlyArray<readonly string[]>) {
  return useQueries({
    queries: pages.map((versionIds) => ({
      queryKey: environmentKeys.versionsRun(slug, environmentId, versionIds),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getJson<VersionRunInJson[]>(environmentsUrl(slug, `/${encodeURIComponent(environmentId)}/versions-run`, { versionIds: versionIds.join(",") }), signal),
      enabled: versionIds.length > 0,
      retry: 1,
    })),
    combine: combineVersionsRun,
  });
}

function combineVersionsRun(results: Array<UseQueryResult<VersionRunInJson[]>>): ReadonlyMap<string, string> {
  return new Map(results.flatMap((result) => (result.data ?? []).map((entry) => [entry.versionId, entry.lastActiveAt] as const)));
}

/** Which environments run each version, for the popover's badges. */
export function environmentsByVersion(environments: readonly EnvironmentJson[] | undefined): Map<string, string[]> {
  const byVersion = new Map<string, string[]>();
  for (const environment of environments ?? []) {
    const versionId = environment.activeVersion?.id;
    if (versionId) byVersion.set(versionId, [...(byVersion.get(versionId) ?? []), environment.name]);
  }
  return byVersion;
}

/** The environment after this one in the project's order (development → staging → production). */
export function nextEnvironment(environments: readonly EnvironmentJson[], environmentId: string): EnvironmentJson | null {
  const index = environments.findIndex((environment) => environment.id === environmentId);
  return index >= 0 ? (environments[index + 1] ?? null) : null;
}

/**
 * Where deploying a version should start: the first environment in the project's order
 * (development → staging → production) that does not run it yet; the first one when all do.
 */
export function firstEnvironmentNotRunning(environments: readonly EnvironmentJson[], versionId: string): EnvironmentJson | null {
  return environments.find((environment) => environment.activeVersion?.id !== versionId) ?? environments[0] ?? null;
}
