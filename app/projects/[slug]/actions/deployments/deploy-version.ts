"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { toChangeJson } from "@/lib/deployments/deployment-json";
import { confirmedSchema, requestNoteSchema, restoreSettingsSchema } from "@/lib/deployments/schemas";
import { idSchema } from "@/lib/ids";
import { ok } from "@/lib/result";

const schema = z.object({
  environmentId: idSchema,
  versionId: idSchema,
  confirmed: confirmedSchema,
  note: requestNoteSchema,
  restoreSettings: restoreSettingsSchema,
});

/** Makes an existing version active in an environment (its settings as they were there, if asked); no version is created. */
export const deployVersionAction = projectAction("deploy", schema, async ({ db, project, actor }, input) => {
  const deployed = await deployVersion(db, { projectId: project.id, author: actor.name, authorId: actor.id, role: actor.role, ...input });
  return deployed.ok ? ok(toChangeJson(deployed.value)) : deployed;
});
