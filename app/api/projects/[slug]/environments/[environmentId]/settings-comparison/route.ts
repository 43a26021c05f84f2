import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { getDb } from "@/lib/db/client";
import { compareSettingsFingerprint } from "@/lib/deployments/compare-settings-fingerprint";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

/**
 * `?versionId=` → which setting keys were added, removed or changed in the environment since
 * that version last became active there (the warning before a rollback). Key names only.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; environmentId: string }> }) {
  const { slug, environmentId } = await params;
  const versionId = new URL(request.url).searchParams.get("versionId");
  if (!versionId) return errorResponse({ code: "invalid", message: "Name the version with ?versionId=…" });
  const refused = refuseMalformedId("environment", environmentId) ?? refuseMalformedId("version", versionId);
  if (refused) return refused;
  const db = await getDb();
  const project = await getProjectBySlug(db, slug);
  if (!project.ok) return errorResponse(project.error);
  return resultResponse(await compareSettingsFingerprint(db, { projectId: project.value.id, environmentId, versionId }));
}
