import { withApi } from "@/app/_entry/with-api";
import * as api from "@/lib/api/v1/release-operations";
import { toChangeJson } from "@/lib/deployments/deployment-json";
import { rollbackToLastHealthy } from "@/lib/deployments/rollback-to-last-healthy";
import { ok } from "@/lib/result";

export const POST = withApi(api.rollbackToLastHealthy, async ({ db, project, actor, params, body }) => {
  const deployed = await rollbackToLastHealthy(db, { projectId: project.id, environmentId: params.environmentId, author: actor.name, authorId: actor.id, role: actor.role, ...body });
  return deployed.ok ? ok(toChangeJson(deployed.value)) : deployed;
});
