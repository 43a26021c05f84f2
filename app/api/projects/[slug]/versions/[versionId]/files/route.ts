import { refuseMalformedId, refuseMalformedPath } from "@/app/api/projects/[slug]/refuse-malformed";
import { getDb } from "@/lib/db/client";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { getVersionFile } from "@/lib/versions/get-version-file";

/** GET …/versions/:versionId/files?path=… → the file's content in that version. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; versionId: string }> }) {
  const { slug, versionId } = await params;
  const path = new URL(request.url).searchParams.get("path");
  if (!path) return errorResponse({ code: "invalid", message: "Name the file with ?path=…" });
  const refused = refuseMalformedId("version", versionId) ?? refuseMalformedPath(path);
  if (refused) return refused;
  const db = await getDb();
  const project = await getProjectBySlug(db, slug);
  if (!project.ok) return errorResponse(project.error);
  return resultResponse(await getVersionFile(db, { projectId: project.value.id, versionId, path }));
}
