import { getDb } from "@/lib/db/client";
import { listDraftFiles } from "@/lib/drafts/list-draft-files";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

/** The draft's file tree (paths, revisions, sizes), without contents. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) return errorResponse(project.error);
  return Response.json(await listDraftFiles(db, project.value.id));
}
