import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/lib/testing/harness";
import { insertTrees } from "./store-tree";
import { hashTree } from "./trees";

const testDb = setupTestDb();

/** A tree text no other test stores. */
function uniqueTree(): { hash: string; text: string } {
  const text = `${randomUUID()}.ts\t1`;
  return { hash: hashTree(text), text };
}

describe("insertTrees", () => {
  it("returns the id of every given tree, stored now or before, once per hash", async () => {
    const [stored, fresh] = [uniqueTree(), uniqueTree()];
    const before = await insertTrees(testDb.db, [stored.hash], [stored.text]);

    const ids = await insertTrees(testDb.db, [stored.hash, fresh.hash, fresh.hash], [stored.text, fresh.text, fresh.text]);
    expect(ids.get(stored.hash)).toBe(before.get(stored.hash));
    expect(ids.get(fresh.hash)).toMatch(/^\d+$/);
    expect(await testDb.db.tree.count({ where: { hash: { in: [stored, fresh].map((tree) => Buffer.from(tree.hash, "hex")) } } })).toBe(2);
  });

  it("finds a tree another transaction committed while this one waited to insert it", async () => {
    // On PostgreSQL the second insert waits for the first transaction's commit, and the tree is
    // then outside its statement's snapshot. PGlite runs the two transactions one after the other.
    const tree = uniqueTree();
    const first = testDb.db.$transaction(async (tx) => {
      const ids = await insertTrees(tx, [tree.hash], [tree.text]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return ids;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = testDb.db.$transaction((tx) => insertTrees(tx, [tree.hash], [tree.text]));
    const [firstIds, secondIds] = await Promise.all([first, second]);
    expect(secondIds.get(tree.hash)).toBe(firstIds.get(tree.hash));
  });
});
