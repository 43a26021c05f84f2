import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import { hashInviteToken, newInviteToken } from "./invite-token";

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface CreateInviteRequest {
  projectId: string;
  /** Already checked and lower-cased (see inviteSchema). */
  email: string;
  role: Role;
  /** Null id: the system, or the installation's single local user before sign-in. */
  createdBy: Actor;
}

export interface CreatedInvite {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  /** The link's secret, returned once: only its hash is stored. */
  token: string;
}

/** An invite link for one email and role, single use, valid for 7 days. */
export async function createInvite(db: PrismaClient, request: CreateInviteRequest, now = new Date()): Promise<Result<CreatedInvite>> {
  const token = newInviteToken();
  const invite = {
    id: randomUUID(),
    projectId: request.projectId,
    email: request.email,
    role: request.role,
    tokenHash: hashInviteToken(token),
    createdById: request.createdBy.id,
    expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS),
  };
  return runInTransaction(db, async (tx) => {
    const member = await tx.projectMember.findFirst({ where: { projectId: request.projectId, user: { email: request.email } }, select: { userId: true } });
    if (member) return fail("conflict", `${request.email} is already a member of this project. Change their role in the list instead.`, { email: "Already a member." });
    await tx.projectInvite.create({ data: invite });
    await recordEvent(tx, {
      projectId: request.projectId,
      actor: request.createdBy,
      kind: "member.invited",
      summary: { inviteId: invite.id, email: invite.email, role: ROLE_LABELS[invite.role], expiresAt: invite.expiresAt.toISOString() },
    });
    return ok({ id: invite.id, email: invite.email, role: request.role, expiresAt: invite.expiresAt, token });
  });
}
