import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { rejectRequest } from "@/lib/requests/reject-request";

export const POST = withApi(api.rejectRequest, ({ db, project, actor, params, body }) =>
  rejectRequest(db, { projectId: project.id, requestId: params.requestId, actor, comment: body.comment }),
);
