"use server";

import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { deleteEnvironmentSetting } from "@/lib/environments/delete-environment-setting";
import { environmentSettingInputSchema, type EnvironmentSettingInput } from "@/lib/environments/schemas";
import { setEnvironmentSetting, type SetEnvironmentSettingOutcome } from "@/lib/environments/set-environment-setting";
import { idSchema } from "@/lib/ids";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { fail, type Result } from "@/lib/result";
import { invalidInput } from "@/lib/validation";

const setSettingSchema = environmentSettingInputSchema.extend({
  environmentId: idSchema,
  mode: z.enum(["create", "replace"], { error: "Choose whether to create or replace the setting." }),
});

/**
 * Creates or replaces one setting of one environment. The answer is what the browser may see:
 * a secret comes back masked, never in full.
 */
export async function setEnvironmentSettingAction(
  slug: string,
  input: EnvironmentSettingInput & { environmentId: string; mode: "create" | "replace" },
): Promise<Result<SetEnvironmentSettingOutcome>> {
  const parsed = setSettingSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "The setting is not valid.");
  const db = await getDb();
  const project = await getProjectBySlug(db, String(slug));
  if (!project.ok) return project;
  return setEnvironmentSetting(db, { projectId: project.value.id, ...parsed.data });
}

const deleteSettingSchema = z.object({ environmentId: idSchema, key: z.string().max(200) });

export async function deleteEnvironmentSettingAction(
  slug: string,
  input: { environmentId: string; key: string },
): Promise<Result<{ key: string }>> {
  const parsed = deleteSettingSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "Name the setting to delete.");
  const db = await getDb();
  const project = await getProjectBySlug(db, String(slug));
  if (!project.ok) return project;
  return deleteEnvironmentSetting(db, { projectId: project.value.id, ...parsed.data });
}
