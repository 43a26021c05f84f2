import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { getVersion } from "@/lib/versions/get-version";

export const GET = withApi(api.showVersion, ({ db, project, params }) =>
  getVersion(db, { projectId: project.id, versionId: params.versionId }),
);
