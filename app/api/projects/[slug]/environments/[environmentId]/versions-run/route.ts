import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { findVersionsRunIn } from "@/lib/deployments/find-versions-run-in";
import { resultResponse } from "@/lib/http/respond";

/** Which of `?versionIds=<id>,<id>…` have run in the environment, and when each last became active there. */
export const GET = withProject<{ slug: string; environmentId: string }>("read", async ({ request, params: { environmentId }, db, project }) => {
  const refused = refuseMalformedId("environment", environmentId);
  if (refused) return refused;
  const listed = new URL(request.url).searchParams.get("versionIds") ?? "";
  const versionIds = listed === "" ? [] : listed.split(",");
  return resultResponse(await findVersionsRunIn(db, { projectId: project.id, environmentId, versionIds }));
});
