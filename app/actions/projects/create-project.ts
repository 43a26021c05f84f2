"use server";

import { revalidatePath } from "next/cache";
import { signedInAction } from "@/app/_entry/signed-in-action";
import { createNewProject } from "@/lib/projects/create-new-project";
import { canCreateProjects } from "@/lib/projects/list-projects-for-user";
import { newProjectSchema } from "@/lib/projects/schemas";
import { fail } from "@/lib/result";

/** Starts a project, empty or as a copy of the sample; its creator becomes its admin. */
export const createProjectAction = signedInAction(newProjectSchema, async ({ db, user }, input) => {
  if (!(await canCreateProjects(db, user))) return fail("forbidden", "Only the owner or an admin of a project can create projects.");
  const created = await createNewProject(db, { name: input.name, template: input.template, creator: { id: user.id, name: user.name } });
  if (created.ok) revalidatePath("/");
  return created;
});
