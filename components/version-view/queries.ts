import { getJson } from "@/lib/http/get-json";

/** A version's files never change, so a file fetched once is good for the whole visit. */
export const versionFileKeys = {
  file: (slug: string, versionId: string, path: string) => ["projects", slug, "version-files", versionId, path] as const,
};

export function fetchVersionFile(
  slug: string,
  versionId: string,
  path: string,
  signal?: AbortSignal,
): Promise<{ path: string; content: string }> {
  const url = `/api/projects/${encodeURIComponent(slug)}/versions/${encodeURIComponent(versionId)}/files?${new URLSearchParams({ path })}`;
  return getJson<{ path: string; content: string }>(url, signal);
}
