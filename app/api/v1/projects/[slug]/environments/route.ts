import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { listEnvironments } from "@/lib/environments/list-environments";
import { ok } from "@/lib/result";

export const GET = withApi(api.listEnvironments, async ({ db, project }) => {
  const environments = await listEnvironments(db, project.id);
  return environments.ok ? ok({ environments: environments.value }) : environments;
});
