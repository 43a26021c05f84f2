import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SaveOutcome } from "@/components/files/queries";
import { DraftSaver } from "./draft-saver";

const DELAY_MS = 700;

interface SaveCall {
  path: string;
  content: string;
  baseRevision: number;
  answer: (outcome: SaveOutcome) => void;
}

/** A saver whose server answers only when the test says so. */
function setUp() {
  const calls: SaveCall[] = [];
  const saver = new DraftSaver({
    projectId: "project-1",
    delayMs: DELAY_MS,
    save: (path, content, baseRevision) => new Promise((answer) => calls.push({ path, content, baseRevision, answer })),
  });
  const status = (path: string) => saver.getSnapshot().get(path)?.status;
  const reply = (index: number, outcome: SaveOutcome) => {
    const call = calls[index];
    if (!call) throw new Error(`No save #${index} was sent.`);
    call.answer(outcome);
  };
  return { saver, calls, status, reply };
}

/** The stored copy a conflict answers with. */
function stored(content: string, revision: number) {
  return { content, revision, updatedBy: "Local user", updatedAt: "2026-11-29T06:00:00.000Z" };
}

// Lets the saver's promise chains run after a fake server answer.
const settle = () => vi.advanceTimersByTimeAsync(0);

describe("DraftSaver", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves the last text once after a pause in typing", async () => {
    const { saver, calls, status, reply } = setUp();
    saver.open("a.ts", { content: "", revision: 1 });
    saver.edit("a.ts", "h");
    await vi.advanceTimersByTimeAsync(DELAY_MS - 1);
    saver.edit("a.ts", "hi");
    await vi.advanceTimersByTimeAsync(DELAY_MS - 1);
    expect(calls).toHaveLength(0);
    expect(status("a.ts")).toBe("dirty");

    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map(({ content, baseRevision }) => ({ content, baseRevision }))).toEqual([{ content: "hi", baseRevision: 1 }]);
    expect(status("a.ts")).toBe("saving");

    reply(0, { kind: "saved", revision: 2 });
    await settle();
    expect(status("a.ts")).toBe("saved");
  });

  it("saves an edit made while a save was in flight right after it, from the new revision", async () => {
    const { saver, calls, status, reply } = setUp();
    saver.open("a.ts", { content: "", revision: 1 });
    saver.edit("a.ts", "one");
    const flushed = saver.flushAll();
    saver.edit("a.ts", "one two");
    // Ctrl+S again: the second text goes as soon as the first is acknowledged, not after the pause.
    const flushedAgain = saver.flushAll();
    reply(0, { kind: "saved", revision: 2 });
    await settle();

    expect(calls.map(({ content, baseRevision }) => ({ content, baseRevision }))).toEqual([
      { content: "one", baseRevision: 1 },
      { content: "one two", baseRevision: 2 },
    ]);
    reply(1, { kind: "saved", revision: 3 });
    await expect(flushed).resolves.toBe(true);
    await expect(flushedAgain).resolves.toBe(true);
    expect(status("a.ts")).toBe("saved");
  });

  it("keeps the text on a conflict, never retries it alone, and overwrites only when the user keeps theirs", async () => {
    const { saver, calls, status, reply } = setUp();
    saver.open("a.ts", { content: "base", revision: 1 });
    saver.edit("a.ts", "mine");
    const flushed = saver.flushAll();
    reply(0, { kind: "conflict", current: stored("theirs", 5) });

    await expect(flushed).resolves.toBe(false);
    expect(status("a.ts")).toBe("conflict");
    expect(saver.getSnapshot().get("a.ts")?.theirs).toEqual(stored("theirs", 5));
    expect(saver.textOf("a.ts")).toBe("mine");
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(saver.flushAll()).resolves.toBe(false);
    expect(calls).toHaveLength(1);

    const kept = saver.keepMine("a.ts");
    expect(calls[1]).toMatchObject({ content: "mine", baseRevision: 5 });
    reply(1, { kind: "saved", revision: 6 });
    await expect(kept).resolves.toBe(true);
    expect(status("a.ts")).toBe("saved");
  });

  it("takes the stored text when the user uses theirs, and tells the editor", async () => {
    const { saver, status, reply } = setUp();
    const events: unknown[] = [];
    saver.onEvent((event) => events.push(event));
    saver.open("a.ts", { content: "base", revision: 1 });
    saver.edit("a.ts", "mine");
    void saver.flushAll();
    reply(0, { kind: "conflict", current: stored("theirs", 5) });
    await settle();

    saver.useTheirs("a.ts");
    expect(saver.textOf("a.ts")).toBe("theirs");
    expect(status("a.ts")).toBe("saved");
    expect(events).toContainEqual({ type: "replaced", path: "a.ts", text: "theirs" });
  });

  it("accepts a 'conflict' whose stored text is this very text (its own save sent as the page closed)", async () => {
    const { saver, status, reply } = setUp();
    saver.open("a.ts", { content: "base", revision: 1 });
    saver.edit("a.ts", "mine");
    const flushed = saver.flushAll();
    reply(0, { kind: "conflict", current: stored("mine", 2) });
    await expect(flushed).resolves.toBe(true);
    expect(status("a.ts")).toBe("saved");
  });

  it("retries a save that could not reach the server, with a growing pause", async () => {
    const { saver, calls, status, reply } = setUp();
    saver.open("a.ts", { content: "", revision: 1 });
    saver.edit("a.ts", "text");
    void saver.flushAll();
    reply(0, { kind: "offline" });
    await settle();
    expect(status("a.ts")).toBe("offline");

    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    reply(1, { kind: "offline" });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[2]).toMatchObject({ content: "text", baseRevision: 1 });
    reply(2, { kind: "saved", revision: 2 });
    await settle();
    expect(status("a.ts")).toBe("saved");
  });

  it("keeps and retries text the server failed to save, with the server's reference for the user", async () => {
    const { saver, calls, status, reply } = setUp();
    saver.open("a.ts", { content: "", revision: 1 });
    saver.edit("a.ts", "text");
    void saver.flushAll();
    reply(0, { kind: "failed", message: "Something went wrong (ref abcd1234)." });
    await settle();
    expect(saver.getSnapshot().get("a.ts")).toEqual({ status: "failed", message: "Something went wrong (ref abcd1234)." });

    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls[1]).toMatchObject({ content: "text", baseRevision: 1 });
    reply(1, { kind: "saved", revision: 2 });
    await settle();
    expect(status("a.ts")).toBe("saved");
  });

  it("does not take a newer server copy over local text that is not saved yet", () => {
    const { saver, status } = setUp();
    saver.open("a.ts", { content: "base", revision: 1 });
    saver.edit("a.ts", "mine");
    saver.open("a.ts", { content: "elsewhere", revision: 2 });
    expect(saver.textOf("a.ts")).toBe("mine");
    expect(status("a.ts")).toBe("dirty");
  });
  it("saves text merged in the conflict view over the stored version, and shows it in the editor", async () => {
    const { saver, calls, status, reply } = setUp();
    const events: unknown[] = [];
    saver.onEvent((event) => events.push(event));
    saver.open("a.ts", { content: "base", revision: 1 });
    saver.edit("a.ts", "mine");
    void saver.flushAll();
    reply(0, { kind: "conflict", current: stored("theirs", 5) });
    await settle();

    const merged = saver.resolve("a.ts", "theirs and mine");
    expect(calls[1]).toMatchObject({ content: "theirs and mine", baseRevision: 5 });
    expect(events).toContainEqual({ type: "replaced", path: "a.ts", text: "theirs and mine" });
    reply(1, { kind: "saved", revision: 6 });
    await expect(merged).resolves.toBe(true);
    expect(saver.textOf("a.ts")).toBe("theirs and mine");
    expect(status("a.ts")).toBe("saved");
  });

  describe("a change saved elsewhere", () => {
    it("replaces the text of a file with nothing pending, and tells the editor", () => {
      const { saver, calls, status } = setUp();
      const events: unknown[] = [];
      saver.onEvent((event) => events.push(event));
      saver.open("a.ts", { content: "base", revision: 1 });
      saver.open("a.ts", { content: "elsewhere", revision: 2 });
      expect(saver.textOf("a.ts")).toBe("elsewhere");
      expect(status("a.ts")).toBe("saved");
      expect(events).toEqual([{ type: "replaced", path: "a.ts", text: "elsewhere" }]);
      expect(calls).toHaveLength(0);
    });

    it("never replaces unsaved text: it stays, and its save meets the change as a conflict", async () => {
      const { saver, calls, status, reply } = setUp();
      const events: unknown[] = [];
      saver.onEvent((event) => events.push(event));
      saver.open("a.ts", { content: "base", revision: 1 });
      saver.edit("a.ts", "mine");
      saver.open("a.ts", { content: "elsewhere", revision: 2 });
      expect(saver.textOf("a.ts")).toBe("mine");
      expect(events).toEqual([]);

      await vi.advanceTimersByTimeAsync(DELAY_MS);
      expect(calls[0]).toMatchObject({ content: "mine", baseRevision: 1 });
      reply(0, { kind: "conflict", current: stored("elsewhere", 2) });
      await settle();
      expect(status("a.ts")).toBe("conflict");
      expect(saver.textOf("a.ts")).toBe("mine");
    });

    it("leaves a file alone while its save is in flight or in conflict", async () => {
      const { saver, reply } = setUp();
      saver.open("a.ts", { content: "base", revision: 1 });
      saver.edit("a.ts", "mine");
      void saver.flushAll();
      saver.open("a.ts", { content: "elsewhere", revision: 2 });
      expect(saver.textOf("a.ts")).toBe("mine");

      reply(0, { kind: "conflict", current: stored("elsewhere", 2) });
      await settle();
      saver.open("a.ts", { content: "later still", revision: 3 });
      expect(saver.textOf("a.ts")).toBe("mine");
      expect(saver.getSnapshot().get("a.ts")?.theirs).toEqual(stored("elsewhere", 2));
    });

    it("ignores an older copy than the one this tab holds", async () => {
      const { saver, reply } = setUp();
      saver.open("a.ts", { content: "base", revision: 1 });
      saver.edit("a.ts", "mine");
      void saver.flushAll();
      reply(0, { kind: "saved", revision: 4 });
      await settle();
      saver.open("a.ts", { content: "base", revision: 1 });
      expect(saver.textOf("a.ts")).toBe("mine");
    });
  });
});
