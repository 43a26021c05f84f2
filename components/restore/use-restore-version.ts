"use client";

import { restoreVersionAction } from "@/app/projects/[slug]/actions/versions/restore-version";
import { useProjectMutation, type NotDone } from "@/components/workspace/use-project-mutation";
import type { RestoreOutcomeJson } from "@/lib/versions/version-json";
import { restoreKeys } from "./queries";
import { announceRestore } from "./restore-confirmation";

export type RestoreAttempt = { status: "restored"; outcome: RestoreOutcomeJson } | NotDone;

/**
 * Saves pending edits, restores the version as the draft, then refreshes everything that
 * depends on the draft (see restoreKeys.invalidateAfterRestore).
 */
export function useRestoreVersion(slug: string) {
  return useProjectMutation({
    savesDraftFirst: () => true,
    action: (input: { versionId: string; saveBackup: boolean }) => restoreVersionAction(slug, input),
    done: (outcome) => ({ status: "restored" as const, outcome }),
    afterDone: (queryClient, outcome) => {
      void restoreKeys.invalidateAfterRestore(queryClient, slug);
      announceRestore(slug, outcome);
    },
  });
}
