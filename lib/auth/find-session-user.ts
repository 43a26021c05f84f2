import type { Db } from "@/lib/db/client";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  /** The owner is an admin of every project and may create projects. */
  isOwner: boolean;
}

/** The account behind a session Better Auth accepted, as the app needs it (the owner flag is the app's own). */
export async function findSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, isOwner: true } });
}
