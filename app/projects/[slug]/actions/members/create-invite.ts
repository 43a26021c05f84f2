"use server";

import { projectAction } from "@/app/_entry/project-action";
import { createInvite } from "@/lib/members/create-invite";
import { inviteSchema } from "@/lib/members/schemas";

/** An invite link for an email and a role; the token comes back once, for the admin to copy. */
export const createInviteAction = projectAction("administer", inviteSchema, ({ db, project, actor }, input) =>
  createInvite(db, { projectId: project.id, email: input.email, role: input.role, createdBy: actor }),
);
