import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { getDb } from "@/lib/db/client";
import { findVersionsRunIn } from "@/lib/deployments/find-versions-run-in";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

/** Which of `?versionIds=<id>,<id>…` have run in the environment, and when each last became active there. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; environmentId: string }> }) {
  const { slug, environmentId } = await params;
  const refused = refuseMalformedId("environment", environmentId);
  if (refused) return refused;
  const listed = new URL(request.url).searchParams.get("versionIds") ?? "";
  const versionIds = listed === "" ? [] : listed.split(",");
  const db = await getDb();
  const project = await getProjectBySlug(db, slug);
  if (!project.ok) return errorResponse(project.error);
  return resultResponse(await findVersionsRunIn(db, { projectId: project.value.id, environmentId, versionIds }));
}
