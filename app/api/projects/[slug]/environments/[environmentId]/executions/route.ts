import { z } from "zod";
import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { EXECUTION_STATUSES, EXECUTION_TRIGGERS } from "@/lib/executions/execution-json";
import { listExecutions } from "@/lib/executions/list-executions";
import { errorResponse, resultResponse } from "@/lib/http/respond";

const absentAsUndefined = (value: unknown) => (value === null || value === "" ? undefined : value);
const VERSION_MESSAGE = "`version` must be a version number.";

const querySchema = z.object({
  status: z.preprocess(absentAsUndefined, z.enum(EXECUTION_STATUSES, { error: "`status` must be queued, running, succeeded, failed or timed_out." }).optional()),
  trigger: z.preprocess(absentAsUndefined, z.enum(EXECUTION_TRIGGERS, { error: "`trigger` must be manual, http or schedule." }).optional()),
  versionNumber: z.preprocess(absentAsUndefined, z.coerce.number({ error: VERSION_MESSAGE }).int(VERSION_MESSAGE).positive(VERSION_MESSAGE).optional()),
});

/** An environment's newest executions: `?status=&trigger=&version=<number>`. */
export const GET = withProject<{ slug: string; environmentId: string }>("read", async ({ request, params: { environmentId }, db, project }) => {
  const query = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({ status: query.get("status"), trigger: query.get("trigger"), versionNumber: query.get("version") });
  if (!parsed.success) return errorResponse({ code: "invalid", message: parsed.error.issues[0]?.message ?? "The query is not valid." });
  const refused = refuseMalformedId("environment", environmentId);
  if (refused) return refused;
  return resultResponse(await listExecutions(db, { projectId: project.id, environmentId, ...parsed.data }));
});
