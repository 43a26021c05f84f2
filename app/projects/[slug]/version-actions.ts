"use server";

import { getDb } from "@/lib/db/client";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { slugSchema } from "@/lib/projects/schemas";
import { fail, ok, type Result } from "@/lib/result";
import { invalidInput } from "@/lib/validation";
import { currentAuthor } from "@/lib/session/current-author";
import { createVersion } from "@/lib/versions/create-version";
import { createVersionInputSchema, type CreateVersionInput } from "@/lib/versions/schemas";
import { toVersionJson, type VersionJson } from "@/lib/versions/version-json";

/**
 * Snapshots the project's draft as a new manual version. No revalidatePath: the version list
 * is fetched by React Query, and re-rendering the workspace page would disturb the editor.
 */
export async function createVersionAction(slug: string, input: CreateVersionInput): Promise<Result<VersionJson>> {
  const parsedSlug = slugSchema.safeParse(slug);
  if (!parsedSlug.success) return fail("not_found", "This project does not exist.");
  const parsed = createVersionInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "The version is not valid.");
  const db = await getDb();
  const project = await getProjectBySlug(db, parsedSlug.data);
  if (!project.ok) return project;
  const created = await createVersion(db, {
    projectId: project.value.id,
    ...parsed.data,
    origin: "manual",
    author: currentAuthor(),
  });
  return created.ok ? ok(toVersionJson(created.value)) : created;
}
