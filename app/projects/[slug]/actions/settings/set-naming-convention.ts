"use server";

import { revalidatePath } from "next/cache";
import { projectAction } from "@/app/_entry/project-action";
import { namingConventionSchema } from "@/lib/naming/schemas";
import { setNamingConvention } from "@/lib/projects/set-naming-convention";

/**
 * Saves the project's naming convention. Revalidating the project page sends the workspace
 * its new `project` prop in this same response; client state (the editor, open files) stays.
 */
export const setNamingConventionAction = projectAction("administer", namingConventionSchema, async ({ db, project, actor }, namingConvention) => {
  const updated = await setNamingConvention(db, { projectId: project.id, namingConvention, actor });
  if (updated.ok) revalidatePath(`/projects/${updated.value.slug}`);
  return updated;
});
