"use server";

import { projectAction } from "@/app/_entry/project-action";
import { toChangeJson } from "@/lib/deployments/deployment-json";
import { rollbackToLastHealthy } from "@/lib/deployments/rollback-to-last-healthy";
import { rollbackInputSchema } from "@/lib/deployments/schemas";
import { ok } from "@/lib/result";

/**
 * Re-activates the newest earlier version whose recent runs in the environment all succeeded, if it is still the one the
 * user was shown, the way any rollback does (settings when asked, a request when protected unless an admin gives a reason).
 */
export const rollbackToLastHealthyAction = projectAction("deploy", rollbackInputSchema, async ({ db, project, actor }, input) => {
  const deployed = await rollbackToLastHealthy(db, { projectId: project.id, author: actor.name, authorId: actor.id, role: actor.role, ...input });
  return deployed.ok ? ok(toChangeJson(deployed.value)) : deployed;
});
