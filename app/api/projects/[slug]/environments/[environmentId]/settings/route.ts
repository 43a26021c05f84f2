import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { listEnvironmentSettings } from "@/lib/environments/list-environment-settings";
import { resultResponse } from "@/lib/http/respond";

/** An environment's settings by key: plain values in full, secrets only masked. */
export const GET = withProject<{ slug: string; environmentId: string }>("read", async ({ params: { environmentId }, db, project }) => {
  const refused = refuseMalformedId("environment", environmentId);
  if (refused) return refused;
  return resultResponse(await listEnvironmentSettings(db, { projectId: project.id, environmentId }));
});
