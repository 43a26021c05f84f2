import { getDb } from "@/lib/db/client";
import { getDraftStatus } from "@/lib/drafts/get-draft-status";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

export const dynamic = "force-dynamic";

/** How the draft differs from the version it is based on ("3 files changed since 1.1.0"). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) return errorResponse(project.error);
  return resultResponse(await getDraftStatus(db, project.value.id));
}
