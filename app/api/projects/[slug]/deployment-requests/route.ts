import { withProject } from "@/app/_entry/with-project";
import { resultResponse } from "@/lib/http/respond";
import { listDeploymentRequests } from "@/lib/requests/list-deployment-requests";

/** The project's deployment requests: the pending ones, then the newest closed ones. */
export const GET = withProject("read", async ({ db, project }) => resultResponse(await listDeploymentRequests(db, project.id)));
