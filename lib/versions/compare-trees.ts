import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { countChanges } from "./count-changes";
import { diffKnownTrees, type TreeChange, type TreeRef } from "./diff-trees";
import { findVersion } from "./find-version";

/** One side of a comparison as the user knows it. */
export type CompareSide = { kind: "draft" } | { kind: "version"; id: string; name: string; number: number };

export interface Comparison {
  from: CompareSide;
  to: CompareSide;
  /** Every path on either side, sorted, unchanged ones included. */
  changes: TreeChange[];
  summary: { added: number; modified: number; removed: number; unchanged: number };
}

/** A side as it appears in URLs: `draft`, or a version id. */
export function parseTreeRef(ref: string): TreeRef {
  return ref === "draft" ? { kind: "draft" } : { kind: "version", versionId: ref };
}

/** What changes from one side to the other, with the names and numbers of both sides. */
export async function compareTrees(db: Db, projectId: string, from: TreeRef, to: TreeRef): Promise<Result<Comparison>> {
  const [fromSide, toSide] = await Promise.all([describeSide(db, projectId, from), describeSide(db, projectId, to)]);
  if (!fromSide) return fail("not_found", "The version to compare from does not exist in this project.");
  if (!toSide) return fail("not_found", "The version to compare with does not exist in this project.");
  const changes = await diffKnownTrees(db, projectId, from, to);
  const counts = countChanges(changes);
  const unchanged = changes.length - counts.added - counts.modified - counts.removed;
  return ok({ from: fromSide, to: toSide, changes, summary: { ...counts, unchanged } });
}

async function describeSide(db: Db, projectId: string, ref: TreeRef): Promise<CompareSide | null> {
  if (ref.kind === "draft") return { kind: "draft" };
  const version = await findVersion(db, projectId, ref.versionId);
  return version ? { kind: "version", id: version.id, name: version.name, number: version.number } : null;
}
