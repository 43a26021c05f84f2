import { describe, expect, it } from "vitest";
import { DraftChangeFeed } from "./draft-change-feed";

const LONG = 60_000;

describe("DraftChangeFeed", () => {
  it("wakes the waiters of the project written to, and no others", async () => {
    const feed = new DraftChangeFeed();
    const mine = feed.subscribe("p1");
    const other = feed.subscribe("p2");
    const controller = new AbortController();
    const waiting = mine.next({ timeoutMs: LONG });
    const otherWaiting = other.next({ timeoutMs: LONG, signal: controller.signal });
    feed.publish("p1");
    expect(await waiting).toBe("changed");
    controller.abort();
    expect(await otherWaiting).toBe("aborted");
    mine.close();
    other.close();
    expect(feed.subscribers).toBe(0);
    expect(feed.waiting).toBe(0);
  });

  it("keeps a change that came between subscribing and waiting, once", async () => {
    const feed = new DraftChangeFeed();
    const subscription = feed.subscribe("p1");
    feed.publish("p1");
    expect(await subscription.next({ timeoutMs: LONG })).toBe("changed");
    expect(await subscription.next({ timeoutMs: 1 })).toBe("timeout");
    subscription.close();
  });

  it("wakes everyone when notifications may have been missed", async () => {
    const feed = new DraftChangeFeed();
    const subscriptions = ["p1", "p2", "p2"].map((project) => feed.subscribe(project));
    const waits = subscriptions.map((subscription) => subscription.next({ timeoutMs: LONG }));
    feed.publishAll();
    expect(await Promise.all(waits)).toEqual(["changed", "changed", "changed"]);
    for (const subscription of subscriptions) subscription.close();
  });

  it("leaves nothing behind after a timeout, an abort or a close while waiting", async () => {
    const feed = new DraftChangeFeed();
    const timedOut = feed.subscribe("p1");
    expect(await timedOut.next({ timeoutMs: 1 })).toBe("timeout");
    timedOut.close();

    const aborted = feed.subscribe("p1");
    const controller = new AbortController();
    const abortedWait = aborted.next({ timeoutMs: LONG, signal: controller.signal });
    expect(feed.waiting).toBe(1);
    controller.abort();
    expect(await abortedWait).toBe("aborted");
    aborted.close();

    const closed = feed.subscribe("p1");
    const closedWait = closed.next({ timeoutMs: LONG });
    closed.close();
    expect(await closedWait).toBe("aborted");
    // An aborted signal ends the wait before it starts.
    const late = feed.subscribe("p1");
    expect(await late.next({ timeoutMs: LONG, signal: AbortSignal.abort() })).toBe("aborted");
    late.close();

    expect(feed.subscribers).toBe(0);
    expect(feed.waiting).toBe(0);
    feed.publish("p1");
  });
});
