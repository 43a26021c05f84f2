import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import type { DeployPreviewJson } from "@/lib/deployments/deployment-json";
import { previewDeployment } from "@/lib/deployments/preview-deployment";
import { errorResponse } from "@/lib/http/respond";

/** What deploying would change in the environment: `?versionId=` for a version, none for the latest draft. */
export const GET = withProject<{ slug: string; environmentId: string }>("read", async ({ request, params: { environmentId }, db, project }) => {
  const versionId = new URL(request.url).searchParams.get("versionId") || undefined;
  const refused = refuseMalformedId("environment", environmentId) ?? refuseMalformedId("version", versionId ?? null);
  if (refused) return refused;
  const preview = await previewDeployment(db, { projectId: project.id, environmentId, versionId });
  if (!preview.ok) return errorResponse(preview.error);
  return Response.json(preview.value satisfies DeployPreviewJson, { headers: { "Cache-Control": "no-store" } });
});
