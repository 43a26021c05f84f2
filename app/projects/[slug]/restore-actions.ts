"use server";

import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { idSchema } from "@/lib/ids";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { slugSchema } from "@/lib/projects/schemas";
import { fail, ok, type Result } from "@/lib/result";
import { currentAuthor } from "@/lib/session/current-author";
import { restoreVersion } from "@/lib/versions/restore-version";
import { toVersionJson, type VersionJson } from "@/lib/versions/version-json";

const restoreInput = z.object({
  slug: slugSchema,
  versionId: idSchema,
  saveBackup: z.boolean(),
});

export interface RestoreOutcomeJson {
  restored: VersionJson;
  /** The version the previous draft was saved as, when it held work no version captured. */
  backup: VersionJson | null;
}

/**
 * Replaces the latest draft with a version's files, saving the draft first as a backup
 * version when asked and needed. No revalidatePath: the workspace refetches through React Query.
 */
export async function restoreVersionAction(input: unknown): Promise<Result<RestoreOutcomeJson>> {
  const parsed = restoreInput.safeParse(input);
  if (!parsed.success) return fail("invalid", "The request was not understood; reload the page and try again.");
  const { slug, versionId, saveBackup } = parsed.data;
  const db = await getDb();
  const project = await getProjectBySlug(db, slug);
  if (!project.ok) return project;
  const outcome = await restoreVersion(db, { projectId: project.value.id, versionId, saveBackup, author: currentAuthor() });
  if (!outcome.ok) return outcome;
  return ok({ restored: toVersionJson(outcome.value.restored), backup: outcome.value.backup && toVersionJson(outcome.value.backup) });
}
