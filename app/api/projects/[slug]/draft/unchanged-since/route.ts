import { getDb } from "@/lib/db/client";
import { findUnchangedSince } from "@/lib/drafts/find-unchanged-since";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

export const dynamic = "force-dynamic";

/** `{ version }`: the newest version when the draft holds exactly its files ("No changes since 1.4.0"), else null. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const db = await getDb();
  const project = await getProjectBySlug(db, (await params).slug);
  if (!project.ok) return errorResponse(project.error);
  const version = await findUnchangedSince(db, project.value.id);
  return Response.json({ version }, { headers: { "Cache-Control": "no-store" } });
}
