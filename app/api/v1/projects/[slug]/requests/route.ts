import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { listDeploymentRequests } from "@/lib/requests/list-deployment-requests";
import { ok } from "@/lib/result";

export const GET = withApi(api.listRequests, async ({ db, project }) => {
  const requests = await listDeploymentRequests(db, project.id);
  return requests.ok ? ok({ requests: requests.value }) : requests;
});
