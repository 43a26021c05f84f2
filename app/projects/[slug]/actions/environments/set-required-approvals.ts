"use server";

import { z } from "zod";
import { projectAction } from "@/app/_entry/project-action";
import { setRequiredApprovals } from "@/lib/environments/set-required-approvals";
import { idSchema } from "@/lib/ids";
import { requiredApprovalsSchema } from "@/lib/requests/schemas";

const schema = z.object({ environmentId: idSchema, requiredApprovals: requiredApprovalsSchema });

/** Sets how many approvals the environment's deployments need (0: unprotected); admins only. */
export const setRequiredApprovalsAction = projectAction("administer", schema, ({ db, project, actor }, input) =>
  setRequiredApprovals(db, { projectId: project.id, actor, ...input }),
);
