"use server";

import { projectAction } from "@/app/_entry/project-action";
import { deployLatestDraft } from "@/lib/deployments/deploy-latest-draft";
import { toChangeJson } from "@/lib/deployments/deployment-json";
import { confirmedSchema, requestNoteSchema } from "@/lib/deployments/schemas";
import { idSchema } from "@/lib/ids";
import { ok } from "@/lib/result";
import { createVersionInputSchema } from "@/lib/versions/schemas";

const schema = createVersionInputSchema.extend({ environmentId: idSchema, confirmed: confirmedSchema, note: requestNoteSchema });

/**
 * Snapshots the draft as a `deployment` version and activates it, in one transaction. No
 * revalidatePath: React Query refetches, and re-rendering the workspace would disturb the editor.
 */
export const deployLatestDraftAction = projectAction("deploy", schema, async ({ db, project, actor }, input) => {
  const deployed = await deployLatestDraft(db, { projectId: project.id, author: actor.name, authorId: actor.id, role: actor.role, ...input });
  return deployed.ok ? ok(toChangeJson(deployed.value)) : deployed;
});
