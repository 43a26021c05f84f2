"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { regenerateHookToken } from "@/lib/executions/regenerate-hook-token";
import { idSchema } from "@/lib/ids";

const schema = z.object({ environmentId: idSchema });

/** A new token for the environment's HTTP trigger (the old one stops working), shown this once. */
export const regenerateHookTokenAction = projectAction("deploy", schema, ({ db, project, actor }, input) =>
  regenerateHookToken(db, { projectId: project.id, environmentId: input.environmentId, actor: { id: actor.id, name: actor.name } }),
);
