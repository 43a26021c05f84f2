import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import type { DeployPreviewJson } from "@/components/environments/wire";
import { getDb } from "@/lib/db/client";
import { previewDeployment } from "@/lib/deployments/preview-deployment";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

/** What deploying would change in the environment: `?versionId=` for a version, none for the latest draft. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; environmentId: string }> }) {
  const { slug, environmentId } = await params;
  const versionId = new URL(request.url).searchParams.get("versionId") || undefined;
  const refused = refuseMalformedId("environment", environmentId) ?? refuseMalformedId("version", versionId ?? null);
  if (refused) return refused;
  const db = await getDb();
  const project = await getProjectBySlug(db, slug);
  if (!project.ok) return errorResponse(project.error);
  const preview = await previewDeployment(db, { projectId: project.value.id, environmentId, versionId });
  if (!preview.ok) return errorResponse(preview.error);
  return Response.json(preview.value satisfies DeployPreviewJson, { headers: { "Cache-Control": "no-store" } });
}
