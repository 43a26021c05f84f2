"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fileKeys } from "@/components/files/queries";
import { versionKeys } from "@/components/versions/queries";
import type { DraftFileContent } from "@/lib/drafts/get-draft-file";
import type { DraftChanges } from "@/lib/drafts/list-draft-changes";
import type { DraftFileEntry } from "@/lib/drafts/list-draft-files";
import { getJson } from "@/lib/http/get-json";
import { draftStatusKeys } from "./draft-status-queries";
import { DraftChangesFollower, type DraftChangesQuery } from "./follow-draft-changes";
import { applyDraftChanges, behindTree, latestRevision } from "./remote-changes";

/**
 * A long poll, not server-sent events: each answer is the same "what was written after
 * revision N" read as before, so nothing is lost when a notification is (the next answer reads
 * the database), it needs no stream kept open through proxies that buffer, and each ask is an
 * ordinary GET through the app's JSON helpers and error handling. The server holds an ask
 * until a write to the project reaches it (LISTEN/NOTIFY across instances on PostgreSQL).
 */
function fetchDraftChanges(slug: string, { since, seen, wait }: DraftChangesQuery, signal: AbortSignal): Promise<DraftChanges> {
  const query = new URLSearchParams({ since: String(since), wait: String(wait) });
  if (seen !== undefined) query.set("seen", seen);
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
  const baseVersionId = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const apply = (latest: DraftChanges) => {
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
    };
    const follower = new DraftChangesFollower({
      ask: (query, signal) => fetchDraftChanges(slug, query, signal),
      since: () => since.current,
      onChanges: apply,
      visible: () => document.visibilityState === "visible",
    });
    const nudge = () => follower.nudge();
    document.addEventListener("visibilitychange", nudge);
    window.addEventListener("online", nudge);
    follower.start();
    return () => {
      follower.stop();
      document.removeEventListener("visibilitychange", nudge);
      window.removeEventListener("online", nudge);
    };
  }, [queryClient, slug]);

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
