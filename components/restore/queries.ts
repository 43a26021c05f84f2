import { getJson } from "@/lib/http/get-json";
import type { RestorePreviewJson } from "@/lib/versions/version-json";

export const restoreKeys = {
  preview: (slug: string, versionId: string) => ["projects", slug, "restore-preview", versionId] as const,
};

export function fetchRestorePreview(slug: string, versionId: string, signal?: AbortSignal): Promise<RestorePreviewJson> {
  return getJson(`/api/projects/${encodeURIComponent(slug)}/versions/${encodeURIComponent(versionId)}/restore-preview`, signal);
}
