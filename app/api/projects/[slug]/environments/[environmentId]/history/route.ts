import { z } from "zod";
import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { getEnvironmentHistory } from "@/lib/environments/get-environment-history";
import { errorResponse, resultResponse } from "@/lib/http/respond";

const BEFORE_MESSAGE = "`before` must be a deployment sequence number.";
const LIMIT_MESSAGE = "`limit` must be a whole number from 1 to 200.";
const absentAsUndefined = (value: unknown) => (value === null || value === "" ? undefined : value);

const querySchema = z.object({
  before: z.preprocess(absentAsUndefined, z.coerce.number({ error: BEFORE_MESSAGE }).int(BEFORE_MESSAGE).positive(BEFORE_MESSAGE).optional()),
  limit: z.preprocess(absentAsUndefined, z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(200, LIMIT_MESSAGE).optional()),
});

/** One page of an environment's deployments, newest first: `?before=<sequence>&limit=`. */
export const GET = withProject<{ slug: string; environmentId: string }>("read", async ({ request, params: { environmentId }, db, project }) => {
  const query = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({ before: query.get("before"), limit: query.get("limit") });
  if (!parsed.success) return errorResponse({ code: "invalid", message: parsed.error.issues[0]?.message ?? "The query is not valid." });
  const refused = refuseMalformedId("environment", environmentId);
  if (refused) return refused;
  return resultResponse(await getEnvironmentHistory(db, { projectId: project.id, environmentId, ...parsed.data }));
});
