import type { Db } from "@/lib/db/client";
import { isRole, type Role } from "./roles";

/**
 * The person's role in a project, or null when they are not a member. The owner is an admin of
 * every project, those made after them included, without a membership row.
 */
export async function findProjectRole(db: Db, user: { id: string; isOwner: boolean }, projectId: string): Promise<Role | null> {
  if (user.isOwner) return "admin";
  const membership = await db.projectMember.findUnique({
    where: { projectId_userId: { projectId, userId: user.id } },
    select: { role: true },
  });
  return membership && isRole(membership.role) ? membership.role : null;
}
