import { recordEvent } from "@/lib/audit/record-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isId } from "@/lib/ids";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import { fail, ok, type Result } from "@/lib/result";
import { accessTokenSelect, toAccessTokenJson, type AccessTokenJson } from "./token-json";

/**
 * Revokes one of the person's own tokens: from now on it authenticates nothing. Someone else's
 * token is not found (its existence is not revealed); revoking twice keeps the first time.
 */
export async function revokeAccessToken(
  db: PrismaClient,
  user: { id: string; name: string },
  tokenId: string,
  now = new Date(),
): Promise<Result<AccessTokenJson>> {
  if (!isId(tokenId)) return fail("not_found", "There is no such token.");
  return runInTransaction(db, async (tx) => {
    const revoked = await tx.accessToken.updateManyAndReturn({
      where: { id: tokenId, userId: user.id, revokedAt: null },
      data: { revokedAt: now },
      select: { id: true, name: true, projectId: true },
    });
    const row = await tx.accessToken.findFirst({ where: { id: tokenId, userId: user.id }, select: accessTokenSelect });
    if (!row) return fail("not_found", "There is no such token.");
    const [changed] = revoked;
    if (changed) {
      await recordEvent(tx, { projectId: changed.projectId, actor: { id: user.id, name: user.name }, kind: "token.revoked", summary: { tokenId: changed.id, name: changed.name } });
    }
    return ok(toAccessTokenJson(row));
  });
}
