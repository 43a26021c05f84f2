import { getDb } from "@/lib/db/client";
import { listEnvironments } from "@/lib/environments/list-environments";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

/** The project's environments in order, each with its active version and rollback target. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) return errorResponse(project.error);
  return resultResponse(await listEnvironments(db, project.value.id));
}
