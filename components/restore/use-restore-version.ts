"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { restoreVersionAction } from "@/app/projects/[slug]/actions/versions/restore-version";
import type { RestoreOutcomeJson } from "@/lib/versions/version-json";
import { useFlushDrafts } from "@/components/workspace/draft-context";
import type { DomainError } from "@/lib/result";
import { restoreKeys } from "./queries";
import { announceRestore } from "./restore-confirmation";

export type RestoreAttempt =
  | { status: "restored"; outcome: RestoreOutcomeJson }
  | { status: "refused"; error: DomainError }
  /** Edits in the editor could not be saved first, so nothing was restored. */
  | { status: "unsaved" };

/**
 * Saves pending edits, restores the version as the draft, then refreshes everything that
 * depends on the draft: the file tree and open files (files with pending edits meet a
 * conflict instead of being overwritten), the version list (a backup may have appeared) and
 * the draft status. Network failures reject.
 */
export function useRestoreVersion(slug: string) {
  const queryClient = useQueryClient();
  const flushDrafts = useFlushDrafts();
  return useMutation({
    mutationFn: async (input: { versionId: string; saveBackup: boolean }): Promise<RestoreAttempt> => {
      if (!(await flushDrafts())) return { status: "unsaved" };
      const result = await restoreVersionAction(slug, input);
      return result.ok ? { status: "restored", outcome: result.value } : { status: "refused", error: result.error };
    },
    onSuccess: (attempt) => {
      if (attempt.status !== "restored") return;
      void restoreKeys.invalidateAfterRestore(queryClient, slug);
      announceRestore(slug, attempt.outcome);
    },
  });
}
