import { withApi } from "@/app/_entry/with-api";
import { parseCompareSides } from "@/app/projects/[slug]/compare/parse-compare-sides";
import * as api from "@/lib/api/v1/release-operations";
import { compareTrees } from "@/lib/versions/compare-trees";

export const GET = withApi(api.diffRefs, async ({ db, project, query }) => {
  const sides = parseCompareSides(query.from, query.to);
  return sides.ok ? compareTrees(db, project.id, sides.value.from, sides.value.to) : sides;
});
