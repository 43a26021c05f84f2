"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { idSchema } from "@/lib/ids";
import { approveRequest } from "@/lib/requests/approve-request";
import { noteSchema } from "@/lib/requests/schemas";
import { ok } from "@/lib/result";

const schema = z.object({ requestId: idSchema, comment: noteSchema("The comment").default("") });

/** Approves someone else's deployment request; the last required approval deploys it. */
export const approveRequestAction = projectAction("approve", schema, async ({ db, project, actor }, input) => {
  const approved = await approveRequest(db, { projectId: project.id, actor, ...input });
  if (!approved.ok) return approved;
  const { status, approvals, requiredApprovals } = approved.value;
  return ok({ status, approvals, requiredApprovals });
});
