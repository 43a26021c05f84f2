import { describe, expect, it } from "vitest";
import { findLostSaves, type SaveLedger } from "./lost-saves";

const ledger = (acknowledged: SaveLedger["acknowledged"], unanswered: string[] = []): SaveLedger => ({ path: "a.md", acknowledged, unanswered });

describe("findLostSaves", () => {
  it("accepts a file holding its last acknowledged text at that revision", () => {
    expect(findLostSaves([ledger({ content: "two", revision: 7 })], [{ path: "a.md", content: "two", revision: 7 }])).toEqual([]);
  });

  it("accepts a later save that landed without its answer", () => {
    expect(findLostSaves([ledger({ content: "two", revision: 7 }, ["three"])], [{ path: "a.md", content: "three", revision: 9 }])).toEqual([]);
  });

  it("skips a file that was never acknowledged", () => {
    expect(findLostSaves([ledger(null)], [])).toEqual([]);
  });

  it("reports a file that went missing", () => {
    expect(findLostSaves([ledger({ content: "two", revision: 7 })], [])).toEqual([
      { path: "a.md", acknowledgedRevision: 7, storedRevision: null, reason: "the file is gone" },
    ]);
  });

  it("reports a file rolled back to an older revision", () => {
    expect(findLostSaves([ledger({ content: "two", revision: 7 })], [{ path: "a.md", content: "one", revision: 5 }])).toEqual([
      { path: "a.md", acknowledgedRevision: 7, storedRevision: 5, reason: "the database holds an older revision" },
    ]);
  });

  it("reports other text under the acknowledged revision", () => {
    expect(findLostSaves([ledger({ content: "two", revision: 7 })], [{ path: "a.md", content: "one", revision: 7 }])).toHaveLength(1);
  });

  it("reports a later revision holding text nobody sent after the acknowledgement", () => {
    const lost = findLostSaves([ledger({ content: "two", revision: 7 }, ["three"])], [{ path: "a.md", content: "one", revision: 9 }]);
    expect(lost.map((save) => save.reason)).toEqual(["a later revision holds text no save sent after the acknowledgement"]);
  });

  it("checks each file on its own", () => {
    const ledgers = [
      { path: "a.md", acknowledged: { content: "a", revision: 1 }, unanswered: [] },
      { path: "b.md", acknowledged: { content: "b", revision: 2 }, unanswered: [] },
    ];
    const lost = findLostSaves(ledgers, [
      { path: "a.md", content: "a", revision: 1 },
      { path: "b.md", content: "a", revision: 2 },
    ]);
    expect(lost.map((save) => save.path)).toEqual(["b.md"]);
  });
});
