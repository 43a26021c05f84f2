import { isRole, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Result } from "@/lib/result";
import { findInvite, type OpenInvite } from "./find-invite";

export interface AcceptInviteRequest {
  token: string;
  user: { id: string; name: string };
}

/**
 * Makes the person a member with the invite's role and uses the invite up, in the caller's
 * transaction (with the account creation, when joining makes one). The invite's row is locked
 * first, so two tabs using one link make one member.
 */
export async function acceptInvite(tx: Prisma.TransactionClient, request: AcceptInviteRequest, now = new Date()): Promise<Result<OpenInvite>> {
  const open = await findInvite(tx, request.token, now);
  if (!open.ok) return open;
  await tx.$queryRaw`SELECT 1 FROM project_invites WHERE id = ${open.value.id} FOR UPDATE`;
  const invite = await findInvite(tx, request.token, now);
  if (!invite.ok) return invite;
  const { project } = invite.value;
  // Someone who is already a member keeps a higher role: a link never demotes (nor takes away the last admin).
  const existing = await tx.projectMember.findUnique({
    where: { projectId_userId: { projectId: project.id, userId: request.user.id } },
    select: { role: true },
  });
  const role = existing && isRole(existing.role) && ROLES.indexOf(existing.role) > ROLES.indexOf(invite.value.role) ? existing.role : invite.value.role;
  await tx.projectMember.upsert({
    where: { projectId_userId: { projectId: project.id, userId: request.user.id } },
    create: { projectId: project.id, userId: request.user.id, role },
    update: { role },
  });
  await tx.projectInvite.update({ where: { id: invite.value.id }, data: { acceptedAt: now, acceptedById: request.user.id } });
  await recordEvent(tx, {
    projectId: project.id,
    actor: request.user,
    kind: "member.joined",
    summary: { inviteId: invite.value.id, userId: request.user.id, role: ROLE_LABELS[role] },
  });
  return invite;
}
