import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { errorResponse } from "@/lib/http/respond";
import { previewRestore } from "@/lib/versions/preview-restore";

export const dynamic = "force-dynamic";

/** GET …/versions/:versionId/restore-preview → what "Restore as draft" would change. */
export const GET = withProject<{ slug: string; versionId: string }>("read", async ({ params: { versionId }, db, project }) => {
  const refused = refuseMalformedId("version", versionId);
  if (refused) return refused;
  const preview = await previewRestore(db, project.id, versionId);
  if (!preview.ok) return errorResponse(preview.error);
  return Response.json(preview.value, { headers: { "Cache-Control": "no-store" } });
});
