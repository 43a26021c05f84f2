import { describe, expect, it } from "vitest";
import { draftStamp, type DraftChanges } from "@/lib/drafts/list-draft-changes";
import type { DraftFileEntry } from "@/lib/drafts/list-draft-files";
import { applyDraftChanges, behindTree, latestRevision } from "./remote-changes";

const entry = (path: string, revision: number): DraftFileEntry => ({ path, revision, size: 1, contentHash: `hash-${path}-${revision}` });

/** What the server answers when the draft holds exactly `draft`, and `written` were written after `since`. */
function answer(draft: DraftFileEntry[], written: DraftFileEntry[] | null): DraftChanges {
  const state = { fileCount: draft.length, revisionSum: draft.reduce((sum, file) => sum + file.revision, 0), baseVersionId: null };
  return { revision: latestRevision(draft), files: written, ...state, stamp: draftStamp(state) };
}

const tree = [entry("a.ts", 3), entry("b.ts", 5), entry("c.ts", 7)];

describe("applyDraftChanges", () => {
  it("keeps the same tree when nothing was written elsewhere", () => {
    expect(applyDraftChanges(tree, answer(tree, []))).toBe(tree);
  });

  it("takes the new revisions of files saved elsewhere", () => {
    const now = [entry("a.ts", 3), entry("b.ts", 9), entry("c.ts", 8)];
    expect(applyDraftChanges(tree, answer(now, [entry("c.ts", 8), entry("b.ts", 9)]))).toEqual(now);
  });

  it("never moves a file back to an older revision it already passed", () => {
    const held = [entry("a.ts", 3), entry("b.ts", 9), entry("c.ts", 7)];
    expect(applyDraftChanges(held, answer(held, [entry("b.ts", 6)]))).toBe(held);
  });

  it("asks for the whole tree again when a file appeared, disappeared or was written out of order", () => {
    const added = [...tree, entry("d.ts", 8)];
    expect(applyDraftChanges(tree, answer(added, [entry("d.ts", 8)]))).toBeNull();
    const deleted = tree.slice(1);
    expect(applyDraftChanges(tree, answer(deleted, []))).toBeNull();
    // b.ts took revision 8 in a transaction that committed after c.ts's 9 had been seen.
    const late = [entry("a.ts", 3), entry("b.ts", 8), entry("c.ts", 9)];
    expect(applyDraftChanges([entry("a.ts", 3), entry("b.ts", 5), entry("c.ts", 9)], answer(late, []))).toBeNull();
  });

  it("asks for the whole tree again when more changed than the server lists", () => {
    expect(applyDraftChanges(tree, answer(tree, null))).toBeNull();
  });
});

describe("behindTree", () => {
  it("names the open files whose copy here is older than the tree's, and no others", () => {
    const held = new Map([
      ["a.ts", 3],
      ["b.ts", 4],
      ["gone.ts", 1],
    ]);
    expect(behindTree(tree, held)).toEqual(["b.ts"]);
    expect(behindTree(tree, new Map([["b.ts", 6]]))).toEqual([]);
  });
});
