"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { idSchema } from "@/lib/ids";
import { ok } from "@/lib/result";
import { restoreVersion } from "@/lib/versions/restore-version";
import { toRestoreOutcomeJson } from "@/lib/versions/version-json";

const schema = z.object({ versionId: idSchema, saveBackup: z.boolean({ error: "Say whether to save a backup first." }) });

/**
 * Replaces the latest draft with a version's files, saving the draft first as a backup
 * version when asked and needed. No revalidatePath: the workspace refetches through React Query.
 */
export const restoreVersionAction = projectAction("edit", schema, async ({ db, project, actor }, input) => {
  const outcome = await restoreVersion(db, { projectId: project.id, author: actor.name, authorId: actor.id, ...input });
  return outcome.ok ? ok(toRestoreOutcomeJson(outcome.value)) : outcome;
});
