import type { QueryClient } from "@tanstack/react-query";
import { signInAgain } from "@/components/auth/sign-in-again";
import type { DraftFileContent } from "@/lib/drafts/get-draft-file";
import type { DraftFileEntry } from "@/lib/drafts/list-draft-files";
import { describeFailure } from "@/lib/http/describe-failure";
import { getJson } from "@/lib/http/get-json";
import { readRequestError } from "@/lib/http/request-error";

/**
 * Every draft-file query of a project sits under `all`, so a change that replaces the draft
 * (a restore) refreshes the tree and every open file with one invalidation.
 */
export const fileKeys = {
  all: (slug: string) => ["projects", slug, "files"] as const,
  list: (slug: string) => [...fileKeys.all(slug), "list"] as const,
  content: (slug: string, path: string) => [...fileKeys.all(slug), "content", path] as const,
  /** The server acknowledged this text: an editor opened on the file later starts from it. */
  setContent: (queryClient: QueryClient, slug: string, file: DraftFileContent) => queryClient.setQueryData(fileKeys.content(slug, file.path), file),
  /** The file is gone (deleted or renamed): no cached copy may reopen it. */
  forgetContent: (queryClient: QueryClient, slug: string, path: string) => queryClient.removeQueries({ queryKey: fileKeys.content(slug, path) }),
  invalidateList: (queryClient: QueryClient, slug: string) => queryClient.invalidateQueries({ queryKey: fileKeys.list(slug) }),
  /** Shows a change to the tree at once, then asks the server for the tree as it is. */
  updateList: (queryClient: QueryClient, slug: string, update: (files: DraftFileEntry[]) => DraftFileEntry[]) => {
    queryClient.setQueryData<DraftFileEntry[]>(fileKeys.list(slug), (files) => (files ? update(files) : files));
    return fileKeys.invalidateList(queryClient, slug);
  },
  /**
   * After the whole draft was replaced (a restore): copies of files not on screen are dropped,
   * not refetched, so an editor opened later (the workspace, after restoring from a version's
   * page) cannot start from the old draft; the tree and open files are refetched.
   */
  invalidateAfterDraftReplaced: (queryClient: QueryClient, slug: string) => {
    queryClient.removeQueries({ queryKey: fileKeys.all(slug), type: "inactive" });
    return queryClient.invalidateQueries({ queryKey: fileKeys.all(slug) });
  },
};

/** The stored copy that refused a stale save, as it arrives: who wrote it, and when (ISO time). */
export interface StoredCopy {
  content: string;
  revision: number;
  updatedBy: string | null;
  updatedAt: string;
}

/** What the server said to one save; `offline` when it could not be reached, `failed` when it broke. */
export type SaveOutcome =
  | { kind: "saved"; revision: number }
  | { kind: "conflict"; current: StoredCopy }
  | { kind: "missing"; message: string }
  | { kind: "rejected"; message: string }
  | { kind: "failed"; message: string }
  | { kind: "offline" };

/** Browsers refuse keep-alive bodies over 64 KB; larger saves rely on the local copy. */
const KEEPALIVE_LIMIT = 60_000;

function filesUrl(slug: string, suffix = "") {
  return `/api/projects/${encodeURIComponent(slug)}/files${suffix}`;
}

function contentUrl(slug: string, path: string) {
  return filesUrl(slug, `/content?${new URLSearchParams({ path })}`);
}

export function fetchFileList(slug: string, signal?: AbortSignal): Promise<DraftFileEntry[]> {
  return getJson<DraftFileEntry[]>(filesUrl(slug), signal);
}

export function fetchFileContent(slug: string, path: string, signal?: AbortSignal): Promise<DraftFileContent> {
  return getJson<DraftFileContent>(contentUrl(slug, path), signal);
}

export async function saveFileContent(
  slug: string,
  path: string,
  content: string,
  baseRevision: number,
  options: { keepalive?: boolean } = {},
): Promise<SaveOutcome> {
  const body = JSON.stringify({ content, baseRevision });
  let response: Response;
  try {
    response = await fetch(contentUrl(slug, path), {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body,
      keepalive: options.keepalive === true && body.length < KEEPALIVE_LIMIT,
    });
  } catch (error) {
    if (describeFailure(error).kind === "network") return { kind: "offline" };
    throw error;
  }
  if (response.ok) return { kind: "saved", revision: ((await response.json()) as { revision: number }).revision };
  if (response.status === 409) {
    const { error } = (await response.json()) as { error: { current: StoredCopy } };
    return { kind: "conflict", current: error.current };
  }
  if (response.status === 401) {
    // The session ended: the text stays in this browser (draft-backup.ts) while the person signs in again.
    signInAgain();
    return { kind: "failed", message: (await readRequestError(response)).message };
  }
  if (response.status === 404) return { kind: "missing", message: (await readRequestError(response)).message };
  const refused = describeFailure(await readRequestError(response));
  // A gateway or a failing server may recover: the text is kept and the save retried, like offline.
  if (refused.kind === "server") return { kind: "failed", message: refused.message };
  return { kind: "rejected", message: refused.kind === "refused" ? refused.message : `The server answered ${response.status}.` };
}
