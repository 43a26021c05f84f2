import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import { createPasswordUser, hashNewPassword, isUniqueViolation, type PasswordUser } from "./create-password-user";
import type { NewAccount } from "./schemas";

export const OWNER_EXISTS = "The owner account exists already. Sign in with it, or ask its owner for an invite.";

/** Whether the installation still waits for its owner: the first visit then offers to create the account. */
export async function needsOwner(db: PrismaClient): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/**
 * The installation's first account, its owner (an admin of every project). Only while no account
 * exists: the check and the creation share a transaction that holds the users table, and a
 * unique index allows one owner, so two first visits at once make one owner and one refusal.
 */
export async function createOwner(db: PrismaClient, account: NewAccount): Promise<Result<PasswordUser>> {
  if (!(await needsOwner(db))) return fail("conflict", OWNER_EXISTS);
  const passwordHash = await hashNewPassword(account.password);
  try {
    return await runInTransaction(db, async (tx) => {
      await tx.$executeRaw`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`;
      if ((await tx.user.count()) > 0) return fail("conflict", OWNER_EXISTS);
      const owner = await createPasswordUser(tx, { name: account.name, email: account.email, passwordHash, isOwner: true });
      await recordEvent(tx, { projectId: null, actor: owner, kind: "owner.created", summary: { userId: owner.id, email: owner.email } });
      return ok(owner);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("conflict", OWNER_EXISTS);
    throw error;
  }
}
