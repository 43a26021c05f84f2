import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { compareSettingsRevisions } from "@/lib/settings-revisions/compare-settings-revisions";

/** `?from=<number>&to=<number>`: what differs between two settings revisions, key by key; secret values never. */
export const GET = withProject<{ slug: string; environmentId: string }>("read", async ({ request, params: { environmentId }, db, project }) => {
  const query = new URL(request.url).searchParams;
  const revisionNumber = (text: string | null) => (text !== null && /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : null);
  const from = revisionNumber(query.get("from"));
  const to = revisionNumber(query.get("to"));
  if (from === null || to === null) return errorResponse({ code: "invalid", message: "Name two settings revisions with ?from=<number>&to=<number>." });
  const refused = refuseMalformedId("environment", environmentId);
  if (refused) return refused;
  return resultResponse(await compareSettingsRevisions(db, { projectId: project.id, environmentId, from, to }));
});
