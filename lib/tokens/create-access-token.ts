import { recordEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { findProjectRole } from "@/lib/auth/find-project-role";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import type { CreateTokenInput } from "./schemas";
import { accessTokenSelect, toAccessTokenJson, type CreatedAccessTokenJson } from "./token-json";
import { hashToken, newTokenSecret, tokenHint } from "./token-secret";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Makes a personal access token for `user`, in one project they belong to or in all of theirs,
 * living `expiresInDays`. Only its hash is stored; the token is in the answer, this once. The
 * audit event (in the token's project, if any) is written in the same transaction.
 */
export async function createAccessToken(
  db: PrismaClient,
  user: { id: string; name: string; isOwner: boolean },
  input: CreateTokenInput,
  now = new Date(),
): Promise<Result<CreatedAccessTokenJson>> {
  if (input.projectId !== null && (await findProjectRole(db, user, input.projectId)) === null) {
    return fail("not_found", "You are not a member of that project.", { projectId: "Choose one of your projects." });
  }
  const token = newTokenSecret();
  const actor: Actor = { id: user.id, name: user.name };
  const created = await db.$transaction(async (tx) => {
    const row = await tx.accessToken.create({
      data: {
        userId: user.id,
        name: input.name,
        projectId: input.projectId,
        tokenHash: hashToken(token),
        tokenHint: tokenHint(token),
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
        createdAt: now,
      },
      select: accessTokenSelect,
    });
    await recordEvent(tx, {
      projectId: input.projectId,
      actor,
      kind: "token.created",
      summary: { tokenId: row.id, name: row.name, expiresAt: row.expiresAt.toISOString(), scope: row.project?.slug ?? "all projects" },
    });
    return row;
  });
  return ok({ token, accessToken: toAccessTokenJson(created) });
}
