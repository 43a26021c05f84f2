import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftChanges } from "@/lib/drafts/list-draft-changes";
import { DraftChangesFollower, LONG_POLL_SECONDS, type DraftChangesQuery } from "./follow-draft-changes";

const answer = (revision: number, stamp: string): DraftChanges => ({ revision, files: [], fileCount: 1, revisionSum: revision, baseVersionId: null, stamp });

/** A server whose answers the test gives one by one; each ask waits for its answer. */
function fakeServer() {
  const asks: Array<{ query: DraftChangesQuery; signal: AbortSignal; resolve(changes: DraftChanges): void; reject(error: Error): void }> = [];
  return {
    asks,
    ask: (query: DraftChangesQuery, signal: AbortSignal) =>
      new Promise<DraftChanges>((resolve, reject) => {
        asks.push({ query, signal, resolve, reject });
        signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      }),
  };
}

describe("DraftChangesFollower", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks at once first, then long-polls from each answer as soon as it arrives", async () => {
    const server = fakeServer();
    const seen: DraftChanges[] = [];
    let since = 4;
    const follower = new DraftChangesFollower({
      ask: server.ask,
      since: () => since,
      onChanges: (changes) => {
        seen.push(changes);
        since = changes.revision;
      },
      visible: () => true,
    });
    follower.start();
    expect(server.asks.map(({ query }) => query)).toEqual([{ since: 4, seen: undefined, wait: 0 }]);
    server.asks[0]?.resolve(answer(5, "s5"));
    await vi.advanceTimersByTimeAsync(250);
    expect(server.asks.map(({ query }) => query).slice(1)).toEqual([{ since: 5, seen: "s5", wait: LONG_POLL_SECONDS }]);
    server.asks[1]?.resolve(answer(9, "s9"));
    await vi.advanceTimersByTimeAsync(250);
    expect(server.asks[2]?.query).toEqual({ since: 9, seen: "s9", wait: LONG_POLL_SECONDS });
    expect(seen.map((changes) => changes.stamp)).toEqual(["s5", "s9"]);

    follower.stop();
    expect(server.asks[2]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.asks).toHaveLength(3);
  });

  it("backs off on failures, 1 s then 2 s, and starts over after an answer", async () => {
    const server = fakeServer();
    const follower = new DraftChangesFollower({ ask: server.ask, since: () => 0, onChanges: () => undefined, visible: () => true });
    follower.start();
    server.asks[0]?.reject(new Error("offline"));
    await vi.advanceTimersByTimeAsync(999);
    expect(server.asks).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.asks).toHaveLength(2);
    server.asks[1]?.reject(new Error("offline"));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(server.asks).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.asks).toHaveLength(3);
    // Back online: a nudge asks at once rather than after the next pause.
    server.asks[2]?.reject(new Error("offline"));
    await vi.advanceTimersByTimeAsync(0);
    follower.nudge();
    expect(server.asks).toHaveLength(4);
    follower.stop();
  });

  it("pauses while the page is hidden and asks again when it is shown", async () => {
    const server = fakeServer();
    let visible = true;
    const follower = new DraftChangesFollower({ ask: server.ask, since: () => 0, onChanges: () => undefined, visible: () => visible });
    follower.start();
    visible = false;
    server.asks[0]?.resolve(answer(1, "s1"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.asks).toHaveLength(1);
    expect(follower.paused).toBe(true);
    visible = true;
    follower.nudge();
    expect(server.asks).toHaveLength(2);
    expect(server.asks[1]?.query).toEqual({ since: 0, seen: "s1", wait: LONG_POLL_SECONDS });
    follower.stop();
  });
});
