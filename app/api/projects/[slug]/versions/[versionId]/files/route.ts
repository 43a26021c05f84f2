import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId, refuseMalformedPath } from "@/app/api/projects/[slug]/refuse-malformed";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { getVersionFile } from "@/lib/versions/get-version-file";

/** GET …/versions/:versionId/files?path=… → the file's content in that version. */
export const GET = withProject<{ slug: string; versionId: string }>("read", async ({ request, params: { versionId }, db, project }) => {
  const path = new URL(request.url).searchParams.get("path");
  if (!path) return errorResponse({ code: "invalid", message: "Name the file with ?path=…" });
  const refused = refuseMalformedId("version", versionId) ?? refuseMalformedPath(path);
  if (refused) return refused;
  return resultResponse(await getVersionFile(db, { projectId: project.id, versionId, path }));
});
