import { hashPassword } from "better-auth/crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface PasswordUser {
  id: string;
  name: string;
  email: string;
}

/** Better Auth's scrypt hash: slow on purpose, so computed before a transaction opens, never inside one. */
export function hashNewPassword(password: string): Promise<string> {
  return hashPassword(password);
}

/**
 * An account that signs in with email and password, written as Better Auth writes one (a user
 * and its "credential" account holding the hash), inside the caller's transaction: the owner's
 * creation and an invite's acceptance commit together with it.
 */
export async function createPasswordUser(
  tx: Prisma.TransactionClient,
  account: { name: string; email: string; passwordHash: string; isOwner?: boolean },
): Promise<PasswordUser> {
  const user = await tx.user.create({
    data: { name: account.name, email: account.email, isOwner: account.isOwner ?? false },
    select: { id: true, name: true, email: true },
  });
  await tx.account.create({ data: { userId: user.id, accountId: user.id, providerId: "credential", password: account.passwordHash } });
  return user;
}

/** True for PostgreSQL's unique violation as Prisma reports it (an email or the owner taken meanwhile). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
