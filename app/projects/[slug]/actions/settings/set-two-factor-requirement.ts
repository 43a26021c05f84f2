"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { setTwoFactorRequirement } from "@/lib/projects/set-two-factor-requirement";

const requiredSchema = z.boolean({ error: "Say whether two-factor sign-in is required." });

/** Requires two-factor sign-in of the project's release managers and admins, or stops requiring it. */
export const setTwoFactorRequirementAction = projectAction("administer", requiredSchema, async ({ db, project, actor }, required) => {
  const updated = await setTwoFactorRequirement(db, { projectId: project.id, required, actor });
  if (updated.ok) revalidatePath(`/projects/${updated.value.slug}`, "layout");
  return updated;
});
