"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { getProjectBySlug, type ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { slugSchema } from "@/lib/projects/schemas";
import { setNamingConvention } from "@/lib/projects/set-naming-convention";
import { fail, type Result } from "@/lib/result";

/**
 * Saves the project's naming convention. Revalidating the project page sends the workspace
 * its new `project` prop in this same response; client state (the editor, open files) stays.
 */
export async function setNamingConventionAction(slug: string, convention: unknown): Promise<Result<ProjectSummary>> {
  const parsedSlug = slugSchema.safeParse(slug);
  if (!parsedSlug.success) return fail("not_found", "This project does not exist.");
  const db = await getDb();
  const project = await getProjectBySlug(db, parsedSlug.data);
  if (!project.ok) return project;
  const updated = await setNamingConvention(db, { projectId: project.value.id, namingConvention: convention });
  if (updated.ok) revalidatePath(`/projects/${updated.value.slug}`);
  return updated;
}
