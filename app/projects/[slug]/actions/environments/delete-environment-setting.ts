"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { deleteEnvironmentSetting } from "@/lib/environments/delete-environment-setting";
import { MAX_SETTING_KEY_LENGTH } from "@/lib/environments/schemas";
import { idSchema } from "@/lib/ids";

const schema = z.object({
  environmentId: idSchema,
  key: z.string({ error: "Name the setting to delete." }).max(MAX_SETTING_KEY_LENGTH, "Name the setting to delete."),
});

/** Deletes one setting of one environment. */
export const deleteEnvironmentSettingAction = projectAction("edit_settings", schema, ({ db, project, actor }, input) =>
  deleteEnvironmentSetting(db, { projectId: project.id, actor: { id: actor.id, name: actor.name }, role: actor.role, ...input }),
);
