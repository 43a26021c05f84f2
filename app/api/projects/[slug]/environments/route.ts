import { withProject } from "@/app/_entry/with-project";
import { listEnvironments } from "@/lib/environments/list-environments";
import { resultResponse } from "@/lib/http/respond";

/** The project's environments in order, each with its active version and rollback target. */
export const GET = withProject("read", async ({ db, project }) => resultResponse(await listEnvironments(db, project.id)));
