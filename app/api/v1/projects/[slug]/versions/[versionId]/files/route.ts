import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { getVersionFile } from "@/lib/versions/get-version-file";

export const GET = withApi(api.readVersionFile, ({ db, project, params, query }) =>
  getVersionFile(db, { projectId: project.id, versionId: params.versionId, path: query.path }),
);
