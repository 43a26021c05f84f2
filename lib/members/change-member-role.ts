import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import { isLastAdmin, lastAdminMessage } from "./last-admin";
import { findMember } from "./list-members";
import type { MemberView } from "./member-json";

export interface ChangeMemberRoleRequest {
  projectId: string;
  userId: string;
  role: Role;
  actor: Actor;
}

export const NOT_A_MEMBER = "This person is no longer a member of the project. Reload the page to see its members.";

/** Gives a member another role; the project always keeps at least one admin. */
export async function changeMemberRole(db: PrismaClient, request: ChangeMemberRoleRequest): Promise<Result<MemberView>> {
  return runInTransaction(db, async (tx) => {
    if (!(await lockProject(tx, request.projectId))) return fail("not_found", "This project does not exist.");
    const member = await findMember(tx, request.projectId, request.userId);
    if (!member) return fail("not_found", NOT_A_MEMBER);
    if (member.role === request.role) return ok(member);
    if (member.role === "admin" && (await isLastAdmin(tx, request.projectId, request.userId))) {
      return fail("conflict", lastAdminMessage(member.name));
    }
    await tx.projectMember.update({
      where: { projectId_userId: { projectId: request.projectId, userId: request.userId } },
      data: { role: request.role },
    });
    await recordEvent(tx, {
      projectId: request.projectId,
      actor: request.actor,
      kind: "member.role_changed",
      summary: {
        userId: member.userId,
        name: member.name,
        email: member.email,
        before: { role: ROLE_LABELS[member.role] },
        after: { role: ROLE_LABELS[request.role] },
      },
    });
    return ok({ ...member, role: request.role });
  });
}
