import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { listVersionAuthors } from "@/lib/versions/list-version-authors";

export const dynamic = "force-dynamic";

/** Everyone who has created a version of the project, alphabetically: `{ authors: string[] }`, for the author filter. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) return errorResponse(project.error);
  const authors = await listVersionAuthors(db, project.value.id);
  return Response.json({ authors }, { headers: { "Cache-Control": "no-store" } });
}
