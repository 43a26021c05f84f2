import type { RestorePreviewJson } from "@/app/api/projects/[slug]/versions/[versionId]/restore-preview/route";

export type { RestorePreviewJson };

export const restoreKeys = {
  preview: (slug: string, versionId: string) => ["projects", slug, "restore-preview", versionId] as const,
};

export async function fetchRestorePreview(slug: string, versionId: string, signal?: AbortSignal): Promise<RestorePreviewJson> {
  const url = `/api/projects/${encodeURIComponent(slug)}/versions/${encodeURIComponent(versionId)}/restore-preview`;
  const response = await fetch(url, { signal, cache: "no-store" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as RestorePreviewJson;
}
