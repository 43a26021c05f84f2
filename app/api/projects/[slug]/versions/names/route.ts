import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { listVersionNames } from "@/lib/versions/list-version-names";

export const dynamic = "force-dynamic";

/** All of the project's version names, newest first: `{ names: string[] }`, for name suggestions. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) return errorResponse(project.error);
  const names = await listVersionNames(db, project.value.id);
  return Response.json({ names }, { headers: { "Cache-Control": "no-store" } });
}
