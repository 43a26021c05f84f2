import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import { hashToken, TOKEN_PREFIX } from "./token-secret";

/** Whom a valid token acts for, and where. */
export interface TokenIdentity {
  tokenId: string;
  /** The one project the token may act in, or null for all its owner's projects. */
  projectId: string | null;
  user: { id: string; name: string; email: string; isOwner: boolean };
}

export const TOKEN_MISSING_MESSAGE = "Send a personal access token: Authorization: Bearer dl_… (make one in your account page).";
const TOKEN_REFUSED_MESSAGE = "This access token is not valid: it is unknown, expired or revoked. Make a new one in your account page.";

/** `last_used_at` is written at most this often per token, so busy scripts do not rewrite the row on every call. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The person an `Authorization` header's bearer token acts for: unknown, expired and revoked
 * tokens are `unauthenticated` alike (a caller learns nothing about which). Looked up by hash.
 */
export async function authenticateToken(db: PrismaClient, authorization: string | null, now = new Date()): Promise<Result<TokenIdentity>> {
  const match = authorization?.match(/^Bearer +(\S+) *$/i);
  if (!match) return fail("unauthenticated", TOKEN_MISSING_MESSAGE);
  const token = match[1]!;
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return fail("unauthenticated", TOKEN_REFUSED_MESSAGE);
  const row = await db.accessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, projectId: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, name: true, email: true, isOwner: true } } },
  });
  if (!row || row.revokedAt !== null || row.expiresAt <= now) return fail("unauthenticated", TOKEN_REFUSED_MESSAGE);
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.accessToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return ok({ tokenId: row.id, projectId: row.projectId, user: row.user });
}
