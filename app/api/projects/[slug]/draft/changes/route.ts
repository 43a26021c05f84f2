import { getDb } from "@/lib/db/client";
import { listDraftChanges } from "@/lib/drafts/list-draft-changes";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

export const dynamic = "force-dynamic";

/** `?since=<revision>`: the draft files written after it, for open workspaces polling to catch up. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const since = Number(new URL(request.url).searchParams.get("since") ?? "0");
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) return errorResponse(project.error);
  return resultResponse(await listDraftChanges(db, project.value.id, since));
}
