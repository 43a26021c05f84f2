"use client";

import { createVersionAction } from "@/app/projects/[slug]/actions/versions/create-version";
import { useProjectMutation, type NotDone } from "@/components/workspace/use-project-mutation";
import type { CreateVersionInput } from "@/lib/versions/schemas";
import type { VersionJson } from "@/lib/versions/version-json";
import { versionKeys } from "./queries";

export type CreateVersionOutcome = { status: "created"; version: VersionJson } | NotDone;

/**
 * Saves pending edits first, so the snapshot holds the last keystrokes, then creates the
 * version and shows it at the top of the cached list.
 */
export function useCreateVersion(slug: string) {
  return useProjectMutation({
    savesDraftFirst: () => true,
    action: (input: CreateVersionInput) => createVersionAction(slug, input),
    done: (version) => ({ status: "created" as const, version }),
    afterDone: (queryClient, version) => versionKeys.invalidateAfterCreate(queryClient, slug, version),
  });
}
