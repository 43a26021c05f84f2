"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { toChangeJson } from "@/lib/deployments/deployment-json";
import { rollForwardEnvironment } from "@/lib/deployments/roll-forward-environment";
import { confirmedSchema, requestNoteSchema } from "@/lib/deployments/schemas";
import { idSchema } from "@/lib/ids";
import { ok } from "@/lib/result";

const schema = z.object({ environmentId: idSchema, expectedVersionId: idSchema, confirmed: confirmedSchema, note: requestNoteSchema });

/** Undoes the newest rollback, if it still re-activates the version the user was shown; production needs the confirmation. */
export const rollForwardEnvironmentAction = projectAction("deploy", schema, async ({ db, project, actor }, input) => {
  const deployed = await rollForwardEnvironment(db, { projectId: project.id, author: actor.name, authorId: actor.id, role: actor.role, ...input });
  return deployed.ok ? ok(toChangeJson(deployed.value)) : deployed;
});
