import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { previewRestore } from "@/lib/versions/preview-restore";

export const dynamic = "force-dynamic";

/** GET …/versions/:versionId/restore-preview → what "Restore as draft" would change. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; versionId: string }> }) {
  const { slug, versionId } = await params;
  const refused = refuseMalformedId("version", versionId);
  if (refused) return refused;
  const db = await getDb();
  const project = await getProjectBySlug(db, slug);
  if (!project.ok) return errorResponse(project.error);
  const preview = await previewRestore(db, project.value.id, versionId);
  if (!preview.ok) return errorResponse(preview.error);
  return Response.json(preview.value, { headers: { "Cache-Control": "no-store" } });
}
