import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { listRunnableWorkflows } from "@/lib/executions/list-runnable-workflows";
import { resultResponse } from "@/lib/http/respond";

/** The workflows Run now offers: those of the environment's active version. */
export const GET = withProject<{ slug: string; environmentId: string }>("read", async ({ params: { environmentId }, db, project }) => {
  const refused = refuseMalformedId("environment", environmentId);
  if (refused) return refused;
  return resultResponse(await listRunnableWorkflows(db, { projectId: project.id, environmentId }));
});
