"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fileKeys } from "@/components/files/queries";
import { versionKeys } from "@/components/versions/queries";
import type { DraftFileContent } from "@/lib/drafts/get-draft-file";
import type { DraftChanges } from "@/lib/drafts/list-draft-changes";
import type { DraftFileEntry } from "@/lib/drafts/list-draft-files";
import { getJson } from "@/lib/http/get-json";
import { draftStatusKeys } from "./draft-status-queries";
import { applyDraftChanges, behindTree, latestRevision } from "./remote-changes";

/**
 * Polling, not server-sent events: the question "what was written after revision N" is one
 * index range scan, works the same with PGlite in one process and with several app instances
 * sharing PostgreSQL (events would need LISTEN/NOTIFY and a connection held per instance), and
 * React Query stops asking while the page is hidden and asks at once when it is shown again.
 */
const POLL_INTERVAL_MS = 2_500;

const remoteChangeKeys = {
  changes: (slug: string) => [...fileKeys.all(slug), "changes"] as const,
};

function fetchDraftChanges(slug: string, since: number, signal?: AbortSignal): Promise<DraftChanges> {
  const query = new URLSearchParams({ since: String(since) });
  return getJson<DraftChanges>(`/api/projects/${encodeURIComponent(slug)}/draft/changes?${query}`, signal);
}

/**
 * Keeps the workspace in step with changes saved in other tabs or by other people: the file
 * tree takes the new revisions, open files whose copy is older are fetched again (the editor
 * pane hands them to the saver, which replaces only text with nothing pending), and the
 * header's draft status is asked again.
 */
export function useRemoteChanges(slug: string, files: DraftFileEntry[]) {
  const queryClient = useQueryClient();
  const since = useRef(latestRevision(files));
  const changes = useQuery({
    queryKey: remoteChangeKeys.changes(slug),
    queryFn: ({ signal }) => fetchDraftChanges(slug, since.current, signal),
    refetchInterval: POLL_INTERVAL_MS,
  });

  const baseVersionId = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const latest = changes.data;
    if (!latest) return;
    since.current = Math.max(since.current, latest.revision);
    const listKey = fileKeys.list(slug);
    const held = queryClient.getQueryData<DraftFileEntry[]>(listKey);
    const patched = held ? applyDraftChanges(held, latest) : null;
    if (patched === null) void queryClient.invalidateQueries({ queryKey: listKey, exact: true });
    else if (patched !== held) queryClient.setQueryData(listKey, patched);
    // A version created or restored elsewhere: the header's counts and the version list moved on.
    const rebased = baseVersionId.current !== undefined && baseVersionId.current !== latest.baseVersionId;
    if (rebased) void queryClient.invalidateQueries({ queryKey: versionKeys.all(slug) });
    baseVersionId.current = latest.baseVersionId;
    // Said outright: an invalidation of queries already marked stale notifies no one.
    if (rebased || patched !== held) void queryClient.invalidateQueries({ queryKey: draftStatusKeys.status(slug) });
  }, [changes.data, queryClient, slug]);

  useEffect(() => {
    const held = new Map<string, number>();
    for (const query of queryClient.getQueryCache().findAll({ queryKey: [...fileKeys.all(slug), "content"] })) {
      const copy = query.state.data as DraftFileContent | undefined;
      if (copy) held.set(copy.path, copy.revision);
    }
    for (const path of behindTree(files, held)) {
      void queryClient.invalidateQueries({ queryKey: fileKeys.content(slug, path), exact: true });
    }
  }, [files, queryClient, slug]);
}
