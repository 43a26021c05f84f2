"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createVersionAction } from "@/app/projects/[slug]/actions/versions/create-version";
import { useFlushDrafts } from "@/components/workspace/draft-context";
import type { DomainError } from "@/lib/result";
import type { CreateVersionInput } from "@/lib/versions/schemas";
import type { VersionJson } from "@/lib/versions/version-json";
import { versionKeys } from "./queries";

export type CreateVersionOutcome =
  | { status: "created"; version: VersionJson }
  | { status: "refused"; error: DomainError }
  /** The draft still holds edits the server has not acknowledged, so no version was made. */
  | { status: "unsaved" };

/**
 * Saves pending edits first, so the snapshot holds the last keystrokes, then creates the
 * version and shows it at the top of the cached list. Network failures reject.
 */
export function useCreateVersion(slug: string) {
  const queryClient = useQueryClient();
  const flushDrafts = useFlushDrafts();
  return useMutation({
    mutationFn: async (input: CreateVersionInput): Promise<CreateVersionOutcome> => {
      if (!(await flushDrafts())) return { status: "unsaved" };
      const result = await createVersionAction(slug, input);
      return result.ok ? { status: "created", version: result.value } : { status: "refused", error: result.error };
    },
    onSuccess: (outcome) => {
      if (outcome.status === "created") versionKeys.invalidateAfterCreate(queryClient, slug, outcome.version);
    },
  });
}
