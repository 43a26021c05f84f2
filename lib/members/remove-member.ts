import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lockProject } from "@/lib/projects/lock-project";
import { fail, ok, type Result } from "@/lib/result";
import { NOT_A_MEMBER } from "./change-member-role";
import { isLastAdmin, lastAdminMessage } from "./last-admin";
import { findMember } from "./list-members";
import type { MemberView } from "./member-json";

export interface RemoveMemberRequest {
  projectId: string;
  userId: string;
  actor: Actor;
}

/** Takes a person out of the project (their account stays); never the project's last admin. */
export async function removeMember(db: PrismaClient, request: RemoveMemberRequest): Promise<Result<MemberView>> {
  return runInTransaction(db, async (tx) => {
    if (!(await lockProject(tx, request.projectId))) return fail("not_found", "This project does not exist.");
    const member = await findMember(tx, request.projectId, request.userId);
    if (!member) return fail("not_found", NOT_A_MEMBER);
    if (member.role === "admin" && (await isLastAdmin(tx, request.projectId, request.userId))) {
      return fail("conflict", lastAdminMessage(member.name));
    }
    await tx.projectMember.delete({ where: { projectId_userId: { projectId: request.projectId, userId: request.userId } } });
    await recordEvent(tx, {
      projectId: request.projectId,
      actor: request.actor,
      kind: "member.removed",
      summary: { userId: member.userId, name: member.name, email: member.email, role: ROLE_LABELS[member.role] },
    });
    return ok(member);
  });
}
