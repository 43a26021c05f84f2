import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { getDb } from "@/lib/db/client";
import { listEnvironmentSettings } from "@/lib/environments/list-environment-settings";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

/** An environment's settings by key: plain values in full, secrets only masked. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; environmentId: string }> }) {
  const { slug, environmentId } = await params;
  const refused = refuseMalformedId("environment", environmentId);
  if (refused) return refused;
  const db = await getDb();
  const project = await getProjectBySlug(db, slug);
  if (!project.ok) return errorResponse(project.error);
  return resultResponse(await listEnvironmentSettings(db, { projectId: project.value.id, environmentId }));
}
