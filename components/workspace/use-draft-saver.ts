"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import { fileKeys, saveFileContent } from "@/components/files/queries";
import type { DraftFileContent } from "@/lib/drafts/get-draft-file";
import type { FileSnapshot } from "./draft-file-state";
import { DraftSaver } from "./draft-saver";

const AUTOSAVE_PAUSE_MS = 700;
const NO_FILES: ReadonlyMap<string, FileSnapshot> = new Map();

/**
 * The workspace's autosave: one DraftSaver per project, saving on a pause, at once on
 * Ctrl/Cmd+S, as the page is hidden or closed, and again when the browser comes back online.
 */
export function useDraftSaver(project: { id: string; slug: string }) {
  const queryClient = useQueryClient();
  const [saver] = useState(
    () =>
      new DraftSaver({
        projectId: project.id,
        delayMs: AUTOSAVE_PAUSE_MS,
        save: (path, content, baseRevision, options) => saveFileContent(project.slug, path, content, baseRevision, options),
      }),
  );
  const statuses = useSyncExternalStore(saver.subscribe, saver.getSnapshot, () => NO_FILES);
  const [restored, setRestored] = useState<string[]>([]);

  useEffect(
    () =>
      saver.onEvent((event) => {
        if (event.type === "saved") {
          const copy: DraftFileContent = { path: event.path, content: event.content, revision: event.revision };
          fileKeys.setContent(queryClient, project.slug, copy);
        }
        if (event.type === "forgotten") fileKeys.forgetContent(queryClient, project.slug, event.path);
        // Renamed or deleted elsewhere: show the tree as it is now.
        if (event.type === "missing") void fileKeys.invalidateList(queryClient, project.slug);
      }),
    [saver, queryClient, project.slug],
  );

  useEffect(() => {
    let current = true;
    void saver.restoreBackups().then((paths) => current && setRestored(paths));
    return () => {
      current = false;
    };
  }, [saver]);

  useEffect(() => {
    const onVisibility = () => document.visibilityState === "hidden" && void saver.flushAll({ keepalive: true });
    const onPageHide = () => saver.flushOnExit();
    const onOnline = () => saver.retryNow();
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void saver.flushAll();
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("online", onOnline);
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("keydown", onKeyDown, { capture: true });
      // Leaving the workspace inside the app: whatever is pending is saved on the way out.
      void saver.flushAll();
    };
  }, [saver]);

  return { saver, statuses, restored, dismissRestored: () => setRestored([]) };
}
