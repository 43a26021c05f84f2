import { randomBytes } from "node:crypto";
import { makeSignature } from "better-auth/crypto";
import { getAuth } from "@/lib/auth/server";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A session of `userId` stored as Better Auth stores one, and the Cookie header that carries it,
 * signed with the app's Better Auth secret: for tests of the entries that act as a person
 * without going through a password sign-in.
 */
export async function sessionCookieFor(db: PrismaClient, userId: string): Promise<string> {
  const auth = await (await getAuth()).$context;
  const token = randomBytes(24).toString("base64url");
  await db.session.create({ data: { token, userId, expiresAt: new Date(Date.now() + auth.sessionConfig.expiresIn * 1000) } });
  return `${auth.authCookies.sessionToken.name}=${encodeURIComponent(`${token}.${await makeSignature(token, auth.secret)}`)}`;
}
