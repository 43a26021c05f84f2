"use server";

import { projectAction } from "@/app/_entry/project-action";
import { revokeInvite } from "@/lib/members/revoke-invite";
import { revokeInviteSchema } from "@/lib/members/schemas";

/** Withdraws a pending invite link. */
export const revokeInviteAction = projectAction("administer", revokeInviteSchema, ({ db, project, actor }, input) =>
  revokeInvite(db, { projectId: project.id, inviteId: input.inviteId, actor }),
);
