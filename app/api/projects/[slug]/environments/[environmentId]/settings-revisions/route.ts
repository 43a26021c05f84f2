import { z } from "zod";
import { withProject } from "@/app/_entry/with-project";
import { refuseMalformedId } from "@/app/api/projects/[slug]/refuse-malformed";
import { errorResponse, resultResponse } from "@/lib/http/respond";
import { listSettingsRevisions } from "@/lib/settings-revisions/list-settings-revisions";

const BEFORE_MESSAGE = "`before` must be a settings revision number.";

/** An environment's settings history, newest first, a page at a time (`?before=<number>`): keys only, never values. */
export const GET = withProject<{ slug: string; environmentId: string }>("read", async ({ request, params: { environmentId }, db, project }) => {
  const before = new URL(request.url).searchParams.get("before");
  const parsed = z.coerce.number().int().positive().optional().safeParse(before === null || before === "" ? undefined : before);
  if (!parsed.success) return errorResponse({ code: "invalid", message: BEFORE_MESSAGE });
  const refused = refuseMalformedId("environment", environmentId);
  if (refused) return refused;
  return resultResponse(await listSettingsRevisions(db, { projectId: project.id, environmentId, before: parsed.data }));
});
