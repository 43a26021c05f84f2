import { withProject } from "@/app/_entry/with-project";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { compareSettingAcrossEnvironments } from "@/lib/settings-revisions/compare-setting-across-environments";

/** `?key=<KEY>`: that setting in every environment; secrets only as the same or a different value. */
export const GET = withProject<{ slug: string }>("read", async ({ request, db, project }) => {
  const key = new URL(request.url).searchParams.get("key");
  if (!key) return errorResponse({ code: "invalid", message: "Name the setting with ?key=…" });
  return resultResponse(await compareSettingAcrossEnvironments(db, { projectId: project.id, key }));
});
