"use server";

import { projectAction } from "@/app/_entry/project-action";
import { toChangeJson } from "@/lib/deployments/deployment-json";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { rollbackInputSchema } from "@/lib/deployments/schemas";
import { ok } from "@/lib/result";

/**
 * Re-activates the version that ran before (with its settings, when asked), if it is still the one the user was shown; for a
 * protected environment a request, unless an admin gives a reason to skip the approvals.
 */
export const rollbackEnvironmentAction = projectAction("deploy", rollbackInputSchema, async ({ db, project, actor }, input) => {
  const deployed = await rollbackEnvironment(db, { projectId: project.id, author: actor.name, authorId: actor.id, role: actor.role, ...input });
  return deployed.ok ? ok(toChangeJson(deployed.value)) : deployed;
});
