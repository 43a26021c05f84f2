import type { QueryClient } from "@tanstack/react-query";
import { fileKeys } from "@/components/files/queries";
import { versionKeys } from "@/components/versions/queries";
import { draftStatusKeys } from "@/components/workspace/draft-status-queries";
import { getJson } from "@/lib/http/get-json";
import type { RestorePreviewJson } from "@/lib/versions/version-json";

export const restoreKeys = {
  preview: (slug: string, versionId: string) => ["projects", slug, "restore-preview", versionId] as const,
  /**
   * After a restore, everything that depends on the draft: the file tree and open files (files
   * with pending edits meet a conflict instead of being overwritten), the version list (a
   * backup may have appeared) and the draft status.
   */
  invalidateAfterRestore: (queryClient: QueryClient, slug: string) =>
    Promise.all([
      fileKeys.invalidateAfterDraftReplaced(queryClient, slug),
      versionKeys.invalidateAll(queryClient, slug),
      draftStatusKeys.invalidate(queryClient, slug),
    ]),
};

export function fetchRestorePreview(slug: string, versionId: string, signal?: AbortSignal): Promise<RestorePreviewJson> {
  return getJson(`/api/projects/${encodeURIComponent(slug)}/versions/${encodeURIComponent(versionId)}/restore-preview`, signal);
}
