/** A version's files never change, so a file fetched once is good for the whole visit. */
export const versionFileKeys = {
  file: (slug: string, versionId: string, path: string) => ["projects", slug, "version-files", versionId, path] as const,
};

export async function fetchVersionFile(
  slug: string,
  versionId: string,
  path: string,
  signal?: AbortSignal,
): Promise<{ path: string; content: string }> {
  const url = `/api/projects/${encodeURIComponent(slug)}/versions/${encodeURIComponent(versionId)}/files?${new URLSearchParams({ path })}`;
  const response = await fetch(url, { signal });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as { path: string; content: string };
}
