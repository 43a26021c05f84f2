import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { toChangeJson } from "@/lib/deployments/deployment-json";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { ok } from "@/lib/result";

export const POST = withApi(api.rollback, async ({ db, project, actor, params, body }) => {
  const deployed = await rollbackEnvironment(db, { projectId: project.id, environmentId: params.environmentId, author: actor.name, authorId: actor.id, role: actor.role, ...body });
  return deployed.ok ? ok(toChangeJson(deployed.value)) : deployed;
});
