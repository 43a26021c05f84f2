import { withProject } from "@/app/_entry/with-project";
import { getDraftChangeFeed } from "@/lib/db/client";
import { waitForDraftChanges } from "@/lib/drafts/wait-for-draft-changes";
import { resultResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/**
 * `?since=<revision>`: the draft files written after it, for open workspaces to catch up.
 * With `&wait=<seconds>` (at most 25) and `&seen=<stamp of the last answer>`, a long poll:
 * answered as soon as the draft differs from what the client has, else on the next write to
 * the project through any instance, else when the wait runs out.
 */
export const GET = withProject("read", async ({ request, db, project }) => {
  const query = new URL(request.url).searchParams;
  const since = Number(query.get("since") ?? "0");
  const waitSeconds = Number(query.get("wait") ?? "0");
  const seen = query.get("seen") ?? undefined;
  const feed = await getDraftChangeFeed();
  return resultResponse(await waitForDraftChanges(db, feed, { projectId: project.id, since, seen, waitSeconds, signal: request.signal }));
});
