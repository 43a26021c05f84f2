"use server";

import { projectAction } from "@/app/_entry/project-action";
import { deployLatestDraft } from "@/lib/deployments/deploy-latest-draft";
import { toDeployedJson } from "@/lib/deployments/deployment-json";
import { confirmedSchema } from "@/lib/deployments/schemas";
import { idSchema } from "@/lib/ids";
import { ok } from "@/lib/result";
import { createVersionInputSchema } from "@/lib/versions/schemas";

const schema = createVersionInputSchema.extend({ environmentId: idSchema, confirmed: confirmedSchema });

/**
 * Snapshots the draft as a `deployment` version and activates it, in one transaction. No
 * revalidatePath: React Query refetches, and re-rendering the workspace would disturb the editor.
 */
export const deployLatestDraftAction = projectAction("deploy", schema, async ({ db, project, actor }, input) => {
  const deployed = await deployLatestDraft(db, { projectId: project.id, author: actor.name, authorId: actor.id, ...input });
  return deployed.ok ? ok(toDeployedJson(deployed.value)) : deployed;
});
