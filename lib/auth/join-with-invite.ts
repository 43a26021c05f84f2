import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acceptInvite } from "@/lib/members/accept-invite";
import { findInvite, type OpenInvite } from "@/lib/members/find-invite";
import { fail, ok, type Result } from "@/lib/result";
import { createPasswordUser, hashNewPassword, isUniqueViolation, type PasswordUser } from "./create-password-user";

export const ACCOUNT_EXISTS = "An account with this email exists already. Sign in with it, then open the invite link again.";

export interface Joined {
  user: PasswordUser;
  project: OpenInvite["project"];
}

/**
 * A new account for the invite's email, made a member with the invite's role: the account, the
 * membership and the used-up invite commit together, so a failed join leaves no account behind.
 */
export async function joinWithNewAccount(
  db: PrismaClient,
  request: { token: string; name: string; password: string },
  now = new Date(),
): Promise<Result<Joined>> {
  const invite = await findInvite(db, request.token, now);
  if (!invite.ok) return invite;
  if (await db.user.findUnique({ where: { email: invite.value.email }, select: { id: true } })) return fail("conflict", ACCOUNT_EXISTS);
  const passwordHash = await hashNewPassword(request.password);
  try {
    return await runInTransaction(db, async (tx) => {
      const user = await createPasswordUser(tx, { name: request.name, email: invite.value.email, passwordHash });
      const accepted = await acceptInvite(tx, { token: request.token, user }, now);
      return accepted.ok ? ok({ user, project: accepted.value.project }) : accepted;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("conflict", ACCOUNT_EXISTS);
    throw error;
  }
}

/** The signed-in person takes up an invite made for their email. */
export async function joinAsUser(
  db: PrismaClient,
  request: { token: string; user: { id: string; name: string; email: string } },
  now = new Date(),
): Promise<Result<Joined>> {
  const invite = await findInvite(db, request.token, now);
  if (!invite.ok) return invite;
  if (invite.value.email.toLowerCase() !== request.user.email.toLowerCase()) {
    return fail("forbidden", `This invite is for ${invite.value.email}, and you are signed in as ${request.user.email}. Sign out, then open the link again.`);
  }
  return runInTransaction(db, async (tx) => {
    const accepted = await acceptInvite(tx, { token: request.token, user: request.user }, now);
    return accepted.ok ? ok({ user: request.user, project: accepted.value.project }) : accepted;
  });
}
