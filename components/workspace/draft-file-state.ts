import type { StoredCopy } from "@/components/files/queries";

export type FileStatus = "saved" | "dirty" | "saving" | "offline" | "failed" | "conflict" | "missing" | "error";

export interface ServerCopy {
  content: string;
  revision: number;
}

export interface FileSnapshot {
  status: FileStatus;
  /** The stored version that refused the save, while in conflict. */
  theirs?: StoredCopy;
  /** Why the last save was refused or failed, for `missing`, `error` and `failed`. */
  message?: string;
}

export type SaverEvent =
  | { type: "replaced"; path: string; text: string }
  | { type: "forgotten"; path: string }
  | { type: "saved"; path: string; content: string; revision: number }
  | { type: "missing"; path: string };

export type Problem =
  | { kind: "offline" }
  /** The server failed (5xx): retried like offline, and the user is told what the server said. */
  | { kind: "failed"; message: string }
  | { kind: "conflict"; theirs: StoredCopy }
  | { kind: "missing"; message: string }
  | { kind: "error"; message: string };

export interface FileState {
  text: string;
  /** The text stored at `base`; null for text restored from this browser, until the server copy is seen. */
  savedText: string | null;
  base: number;
  saving: Promise<void> | null;
  timer: ReturnType<typeof setTimeout> | null;
  problem: Problem | null;
  /** Restored from this browser and not (yet) found to be on the server already. */
  restored?: boolean;
}

export function newFileState(text: string, savedText: string | null, base: number): FileState {
  return { text, savedText, base, saving: null, timer: null, problem: null };
}

export const isDirty = (s: FileState) => s.savedText === null || s.text !== s.savedText;

/** Conflicts, missing files and refused content wait for the user; a lost connection or a failing server is retried. */
export const isRetried = (problem: Problem | null) => problem?.kind === "offline" || problem?.kind === "failed";

export const canSave = (s: FileState) => isDirty(s) && (s.problem === null || isRetried(s.problem));

export function snapshotOf(s: FileState): FileSnapshot {
  const problem = s.problem;
  if (problem?.kind === "conflict") return { status: "conflict", theirs: problem.theirs };
  if (problem?.kind === "missing" || problem?.kind === "error" || problem?.kind === "failed") return { status: problem.kind, message: problem.message };
  if (problem?.kind === "offline") return { status: "offline" };
  if (s.saving) return { status: "saving" };
  return { status: isDirty(s) ? "dirty" : "saved" };
}

export function sameSnapshot(a: FileSnapshot | undefined, b: FileSnapshot) {
  return a !== undefined && a.status === b.status && a.theirs === b.theirs && a.message === b.message;
}
