import type { Db } from "@/lib/db/client";

/** Whether the person signs in with a second factor. */
export async function twoFactorEnabled(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { twoFactorEnabled: true } });
  return user?.twoFactorEnabled === true;
}
