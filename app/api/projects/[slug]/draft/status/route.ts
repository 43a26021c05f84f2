import { withProject } from "@/app/_entry/with-project";
import { getDraftStatus } from "@/lib/drafts/get-draft-status";
import { resultResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** How the draft differs from the version it is based on ("3 files changed since 1.1.0"). */
export const GET = withProject("read", async ({ db, project }) => resultResponse(await getDraftStatus(db, project.id)));
