import type { Db } from "@/lib/db/client";
import { fail, type Result } from "@/lib/result";
import type { DraftChangeFeed } from "./draft-change-feed";
import { listDraftChanges, type DraftChanges } from "./list-draft-changes";

/** The longest a request may wait: under the idle timeouts of common proxies (30 s and up). */
export const MAX_WAIT_SECONDS = 25;

export interface WaitForDraftChangesRequest {
  projectId: string;
  /** Answer at once if a file was written after this revision… */
  since: number;
  /** …or if the draft's stamp is no longer this one (the client's last answer). */
  seen?: string;
  waitSeconds: number;
  /** The request's: a client that goes away stops the wait. */
  signal?: AbortSignal;
}

function hasNews(changes: DraftChanges, seen: string | undefined) {
  return changes.files === null || changes.files.length > 0 || (seen !== undefined && changes.stamp !== seen);
}

/**
 * A long poll on the draft: the changes since a revision, as `listDraftChanges` reads them,
 * answered as soon as there are any, else after the next write to the project that this
 * instance hears of (see DraftChangeFeed) or when the wait runs out. No database connection
 * is held while waiting. The answer is read from the database either way, so a missed
 * notification only delays it.
 */
export async function waitForDraftChanges(db: Db, feed: DraftChangeFeed, request: WaitForDraftChangesRequest): Promise<Result<DraftChanges>> {
  if (!Number.isSafeInteger(request.waitSeconds) || request.waitSeconds < 0 || request.waitSeconds > MAX_WAIT_SECONDS) {
    return fail("invalid", `Wait a whole number of seconds, from 0 to ${MAX_WAIT_SECONDS}.`);
  }
  const subscription = feed.subscribe(request.projectId);
  try {
    const first = await listDraftChanges(db, request.projectId, request.since);
    if (!first.ok || request.waitSeconds === 0 || hasNews(first.value, request.seen)) return first;
    const deadline = Date.now() + request.waitSeconds * 1000;
    let latest: Result<DraftChanges> = first;
    for (;;) {
      const outcome = await subscription.next({ timeoutMs: deadline - Date.now(), signal: request.signal });
      if (outcome === "aborted") return latest;
      latest = await listDraftChanges(db, request.projectId, request.since);
      // Woken by a write the client has already seen (its notice came late): wait on.
      if (outcome === "timeout" || !latest.ok || request.seen === undefined || hasNews(latest.value, request.seen)) return latest;
    }
  } finally {
    subscription.close();
  }
}
