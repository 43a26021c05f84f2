import type { Actor } from "@/lib/auth/actor";
import { isRole, ROLE_LABELS } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";

export interface RevokeInviteRequest {
  projectId: string;
  inviteId: string;
  actor: Actor;
}

/**
 * Withdraws an invite link so it can no longer be used. The update only matches an open
 * invite, so it cannot race an accept of the same link: one of the two wins.
 */
export async function revokeInvite(db: PrismaClient, request: RevokeInviteRequest, now = new Date()): Promise<Result<{ id: string }>> {
  return runInTransaction(db, async (tx) => {
    const where = { id: request.inviteId, projectId: request.projectId };
    const revoked = await tx.projectInvite.updateMany({ where: { ...where, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const invite = await tx.projectInvite.findFirst({ where, select: { email: true, role: true } });
    if (!invite) return fail("not_found", "This invite does not exist. Reload the page to see the pending invites.");
    if (revoked.count === 0) return fail("conflict", "This invite has already been used or withdrawn. Reload the page to see the pending invites.");
    await recordEvent(tx, {
      projectId: request.projectId,
      actor: request.actor,
      kind: "invite.revoked",
      summary: { inviteId: request.inviteId, email: invite.email, role: isRole(invite.role) ? ROLE_LABELS[invite.role] : invite.role },
    });
    return ok({ id: request.inviteId });
  });
}
