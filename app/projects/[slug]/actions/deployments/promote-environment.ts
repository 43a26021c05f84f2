"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { toChangeJson } from "@/lib/deployments/deployment-json";
import { promoteEnvironment } from "@/lib/deployments/promote-environment";
import { confirmedSchema, requestNoteSchema } from "@/lib/deployments/schemas";
import { idSchema } from "@/lib/ids";
import { ok } from "@/lib/result";

const schema = z.object({
  fromEnvironmentId: idSchema,
  toEnvironmentId: idSchema,
  expectedVersionId: idSchema,
  confirmed: confirmedSchema,
  note: requestNoteSchema,
});

/** Deploys the version one environment runs to another, recorded as a promotion. */
export const promoteEnvironmentAction = projectAction("deploy", schema, async ({ db, project, actor }, input) => {
  const deployed = await promoteEnvironment(db, { projectId: project.id, author: actor.name, authorId: actor.id, role: actor.role, ...input });
  return deployed.ok ? ok(toChangeJson(deployed.value)) : deployed;
});
