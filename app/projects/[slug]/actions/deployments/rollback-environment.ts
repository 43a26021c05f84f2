"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { toDeployedJson } from "@/lib/deployments/deployment-json";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { idSchema } from "@/lib/ids";
import { ok } from "@/lib/result";

const schema = z.object({ environmentId: idSchema, expectedVersionId: idSchema });

/** Re-activates the version that ran before, if it is still the one the user was shown. */
export const rollbackEnvironmentAction = projectAction("deploy", schema, async ({ db, project, actor }, input) => {
  const deployed = await rollbackEnvironment(db, { projectId: project.id, author: actor.name, authorId: actor.id, ...input });
  return deployed.ok ? ok(toDeployedJson(deployed.value)) : deployed;
});
