"use server";

import { projectAction } from "@/app/_entry/project-action";
import { ok } from "@/lib/result";
import { createVersion } from "@/lib/versions/create-version";
import { createVersionInputSchema } from "@/lib/versions/schemas";
import { toVersionJson } from "@/lib/versions/version-json";

/**
 * Snapshots the project's draft as a new manual version. No revalidatePath: the version list
 * is fetched by React Query, and re-rendering the workspace page would disturb the editor.
 */
export const createVersionAction = projectAction("edit", createVersionInputSchema, async ({ db, project, actor }, input) => {
  const created = await createVersion(db, { projectId: project.id, ...input, origin: "manual", author: actor.name, authorId: actor.id });
  return created.ok ? ok(toVersionJson(created.value)) : created;
});
