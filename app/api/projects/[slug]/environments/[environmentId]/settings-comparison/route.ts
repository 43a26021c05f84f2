import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { compareSettingsFingerprint } from "@/lib/deployments/compare-settings-fingerprint";
import { errorResponse, resultResponse } from "@/lib/http/respond";

/**
 * `?versionId=` → which setting keys were added, removed or changed in the environment since
 * that version last became active there (the warning before a rollback). Key names only.
 */
export const GET = withProject<{ slug: string; environmentId: string }>("read", async ({ request, params: { environmentId }, db, project }) => {
  const versionId = new URL(request.url).searchParams.get("versionId");
  if (!versionId) return errorResponse({ code: "invalid", message: "Name the version with ?versionId=…" });
  const refused = refuseMalformedId("environment", environmentId) ?? refuseMalformedId("version", versionId);
  if (refused) return refused;
  return resultResponse(await compareSettingsFingerprint(db, { projectId: project.id, environmentId, versionId }));
});
