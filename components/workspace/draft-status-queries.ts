"use client";

import { useQuery, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";
import { fileKeys } from "@/components/files/queries";
import { useFlushDrafts } from "./draft-context";
import { versionKeys } from "@/components/versions/queries";
import type { VersionRef } from "@/lib/deployments/deployment-entry";
import type { DraftStatus } from "@/lib/drafts/get-draft-status";
import { getJson } from "@/lib/http/get-json";

/** Under `status`, so whatever refreshes the draft status refreshes `unchangedSince` too. */
export const draftStatusKeys = {
  status: (slug: string) => ["projects", slug, "draft-status"] as const,
  unchangedSince: (slug: string) => [...draftStatusKeys.status(slug), "unchanged-since"] as const,
  invalidate: (queryClient: QueryClient, slug: string) => queryClient.invalidateQueries({ queryKey: draftStatusKeys.status(slug) }),
};

/** Saves often come in bursts (several files, one after another): one status request follows them. */
const REFRESH_DELAY_MS = 400;

export function fetchDraftStatus(slug: string, signal?: AbortSignal): Promise<DraftStatus> {
  return getJson<DraftStatus>(`/api/projects/${encodeURIComponent(slug)}/draft/status`, signal);
}

/** How the draft differs from the version it is based on. */
export function useDraftStatus(slug: string) {
  return useQuery({
    queryKey: draftStatusKeys.status(slug),
    queryFn: ({ signal }) => fetchDraftStatus(slug, signal),
    refetchOnWindowFocus: true,
  });
}

/**
 * The newest version when the draft holds exactly its files, else null. Pending edits are
 * saved first, so the answer covers the last keystrokes; edits that cannot be saved are
 * changes, whatever the server holds.
 */
export function useUnchangedSince(slug: string) {
  const flushDrafts = useFlushDrafts();
  return useQuery({
    queryKey: draftStatusKeys.unchangedSince(slug),
    queryFn: async ({ signal }) => {
      if (!(await flushDrafts())) return null;
      const url = `/api/projects/${encodeURIComponent(slug)}/draft/unchanged-since`;
      return (await getJson<{ version: VersionRef | null }>(url, signal)).version;
    },
    retry: 1,
  });
}

/**
 * Keeps the draft status current without the editor knowing about it: whatever changes the
 * draft or its base also writes or invalidates the project's file or version queries — an
 * acknowledged save puts the saved text into the file cache, file operations update the tree,
 * creating or restoring a version updates or invalidates the version list. Plain fetches
 * (opening a file) change nothing and are ignored.
 */
export function useDraftStatusFollowsChanges(slug: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const watched = [fileKeys.all(slug), versionKeys.all(slug)];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void draftStatusKeys.invalidate(queryClient, slug);
      }, REFRESH_DELAY_MS);
    };
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || !watched.some((prefix) => startsWith(event.query.queryKey, prefix))) return;
      const { action } = event;
      if ((action.type === "success" && action.manual) || action.type === "invalidate") refresh();
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient, slug]);
}

function startsWith(key: QueryKey, prefix: readonly unknown[]): boolean {
  return prefix.every((part, index) => key[index] === part);
}
