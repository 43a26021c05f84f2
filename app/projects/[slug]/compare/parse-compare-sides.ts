import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { parseTreeRef } from "@/lib/versions/compare-trees";
import type { TreeRef } from "@/lib/versions/diff-trees";

const isSide = (ref: string) => ref === "draft" || isId(ref);

/**
 * The two sides of a comparison as they appear in URLs, each `draft` or a version id. A
 * malformed id is answered like an unknown version, before it can reach a query.
 */
export function parseCompareSides(from: string, to: string): Result<{ from: TreeRef; to: TreeRef }> {
  if (!isSide(from)) return fail("not_found", "The version to compare from does not exist in this project.");
  if (!isSide(to)) return fail("not_found", "The version to compare with does not exist in this project.");
  return ok({ from: parseTreeRef(from), to: parseTreeRef(to) });
}
