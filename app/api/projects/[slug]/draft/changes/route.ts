import { withProject } from "@/app/_entry/with-project";
import { listDraftChanges } from "@/lib/drafts/list-draft-changes";
import { resultResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** `?since=<revision>`: the draft files written after it, for open workspaces polling to catch up. */
export const GET = withProject("read", async ({ request, db, project }) => {
  const since = Number(new URL(request.url).searchParams.get("since") ?? "0");
  return resultResponse(await listDraftChanges(db, project.id, since));
});
