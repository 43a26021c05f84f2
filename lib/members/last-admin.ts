import type { Db } from "@/lib/db/client";

/**
 * Whether taking admin away from `userId` would leave the project without an admin. Call it
 * after lockProject, so the count still holds when the change commits, even when two admins
 * demote or remove each other at the same moment.
 */
export async function isLastAdmin(tx: Db, projectId: string, userId: string): Promise<boolean> {
  const admins = await tx.projectMember.findMany({ where: { projectId, role: "admin" }, select: { userId: true }, take: 2 });
  return admins.length === 1 && admins[0]?.userId === userId;
}

export function lastAdminMessage(name: string): string {
  return `${name} is the project's last admin. Make another member an admin first, so someone can still manage the project.`;
}
