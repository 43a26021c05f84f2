import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { getEnvironmentHistory } from "@/lib/environments/get-environment-history";

export const GET = withApi(api.environmentHistory, ({ db, project, params, query }) =>
  getEnvironmentHistory(db, { projectId: project.id, environmentId: params.environmentId, ...query }),
);
