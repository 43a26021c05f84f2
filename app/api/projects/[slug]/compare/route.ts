import { z } from "zod";
import { withProject } from "@/app/_entry/with-project";
import { parseCompareSides } from "@/app/projects/[slug]/compare/parse-compare-sides";
import { errorResponse } from "@/lib/http/respond";
import { compareTrees } from "@/lib/versions/compare-trees";

export const dynamic = "force-dynamic";

const REF_MESSAGE = "Name both sides with ?from=…&to=…, each `draft` or a version id.";
const refSchema = z.string().trim().min(1, REF_MESSAGE).max(200, REF_MESSAGE);
const querySchema = z.object({ from: refSchema, to: refSchema });

/** `?from=<draft|versionId>&to=<draft|versionId>` → both sides' names, every path's change, and the counts. */
export const GET = withProject("read", async ({ request, db, project }) => {
  const query = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({ from: query.get("from") ?? "", to: query.get("to") ?? "" });
  if (!parsed.success) return errorResponse({ code: "invalid", message: REF_MESSAGE });
  const sides = parseCompareSides(parsed.data.from, parsed.data.to);
  if (!sides.ok) return errorResponse(sides.error);
  const comparison = await compareTrees(db, project.id, sides.value.from, sides.value.to);
  if (!comparison.ok) return errorResponse(comparison.error);
  // The draft side changes with every save.
  return Response.json(comparison.value, { headers: { "Cache-Control": "no-store" } });
});
