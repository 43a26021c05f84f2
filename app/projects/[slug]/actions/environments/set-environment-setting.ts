"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { environmentSettingInputSchema } from "@/lib/environments/schemas";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import { idSchema } from "@/lib/ids";

const schema = environmentSettingInputSchema.extend({
  environmentId: idSchema,
  mode: z.enum(["create", "replace"], { error: "Choose whether to create or replace the setting." }),
});

/**
 * Creates or replaces one setting of one environment. The answer is what the browser may see:
 * a secret comes back masked, never in full.
 */
export const setEnvironmentSettingAction = projectAction("edit_settings", schema, ({ db, project, actor }, input) =>
  setEnvironmentSetting(db, { projectId: project.id, actor: { id: actor.id, name: actor.name }, role: actor.role, ...input }),
);
