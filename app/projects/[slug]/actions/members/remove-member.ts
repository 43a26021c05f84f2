"use server";

import { projectAction } from "@/app/_entry/project-action";
import { removeMember } from "@/lib/members/remove-member";
import { removeMemberSchema } from "@/lib/members/schemas";

/** Takes a member out of the project; refused for the project's last admin. */
export const removeMemberAction = projectAction("administer", removeMemberSchema, ({ db, project, actor }, input) =>
  removeMember(db, { projectId: project.id, userId: input.userId, actor }),
);
