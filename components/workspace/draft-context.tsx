"use client";

import { createContext, useContext, type ReactNode } from "react";

type FlushDrafts = () => Promise<boolean>;

const FlushDraftsContext = createContext<FlushDrafts | null>(null);

// Outside a workspace no editor holds unsaved text, so there is nothing to wait for.
const nothingToFlush: FlushDrafts = () => Promise.resolve(true);

export function DraftProvider({ flush, children }: { flush: FlushDrafts; children: ReactNode }) {
  return <FlushDraftsContext.Provider value={flush}>{children}</FlushDraftsContext.Provider>;
}

/**
 * Saves every pending edit of the workspace now. Resolves true once everything is stored on
 * the server, false if a save failed, conflicted or the server could not be reached — call it
 * before snapshotting the draft so the snapshot includes the last keystrokes.
 */
export function useFlushDrafts(): FlushDrafts {
  return useContext(FlushDraftsContext) ?? nothingToFlush;
}
