"use server";

import { projectAction } from "@/app/_entry/project-action";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { changeRoleSchema } from "@/lib/members/schemas";

/** Gives a member another role; refused for the project's last admin. */
export const changeMemberRoleAction = projectAction("administer", changeRoleSchema, ({ db, project, actor }, input) =>
  changeMemberRole(db, { projectId: project.id, userId: input.userId, role: input.role, actor }),
);
