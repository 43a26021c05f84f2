import { isRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import type { MemberView, MembersView, PendingInviteView } from "./member-json";

const MEMBER_SELECT = { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } } as const;

function toMemberView(row: { role: string; createdAt: Date; user: { id: string; name: string; email: string } }): MemberView | null {
  if (!isRole(row.role)) return null;
  return { userId: row.user.id, name: row.user.name, email: row.user.email, role: row.role, joinedAt: row.createdAt };
}

/** The project's members by name, and the invites still waiting to be used, newest first. */
export async function listMembers(db: Db, projectId: string, now = new Date()): Promise<MembersView> {
  const [members, invites] = await Promise.all([
    db.projectMember.findMany({ where: { projectId }, select: MEMBER_SELECT }),
    db.projectInvite.findMany({
      where: { projectId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
  ]);
  return {
    members: members
      .flatMap((row) => toMemberView(row) ?? [])
      .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email)),
    invites: invites.flatMap((invite): PendingInviteView[] => (isRole(invite.role) ? [{ ...invite, role: invite.role }] : [])),
  };
}

/** One member of the project, or null. */
export async function findMember(db: Db, projectId: string, userId: string): Promise<MemberView | null> {
  const row = await db.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } }, select: MEMBER_SELECT });
  return row ? toMemberView(row) : null;
}
