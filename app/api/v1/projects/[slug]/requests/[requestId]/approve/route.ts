import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { approveRequest } from "@/lib/requests/approve-request";
import { ok } from "@/lib/result";

/** The last required approval deploys, as in the UI. */
export const POST = withApi(api.approveRequest, async ({ db, project, actor, params, body }) => {
  const approved = await approveRequest(db, { projectId: project.id, requestId: params.requestId, actor, comment: body.comment });
  if (!approved.ok) return approved;
  const { status, approvals, requiredApprovals } = approved.value;
  return ok({ status, approvals, requiredApprovals });
});
