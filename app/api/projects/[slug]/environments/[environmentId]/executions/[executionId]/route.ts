import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { getExecution } from "@/lib/executions/get-execution";
import { resultResponse } from "@/lib/http/respond";

/** One execution with its input, output and logs. */
export const GET = withProject<{ slug: string; environmentId: string; executionId: string }>("read", async ({ params: { environmentId, executionId }, db, project }) => {
  const refused = refuseMalformedId("environment", environmentId) ?? refuseMalformedId("execution", executionId);
  if (refused) return refused;
  return resultResponse(await getExecution(db, { projectId: project.id, environmentId, executionId }));
});
