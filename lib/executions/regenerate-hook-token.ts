import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { hashHookToken, newHookToken } from "./hook-token";

/**
 * Makes a new token for the environment's HTTP trigger, replacing the old one (which stops
 * working at once). Only its hash is kept: the token is answered this once.
 */
export async function regenerateHookToken(
  db: PrismaClient,
  request: { projectId: string; environmentId: string; actor: Actor },
): Promise<Result<{ token: string }>> {
  if (!isId(request.projectId) || !isId(request.environmentId)) return fail("not_found", "This environment does not exist in this project.");
  const token = newHookToken();
  return runInTransaction(db, async (tx) => {
    const environment = await tx.environment.findFirst({ where: { id: request.environmentId, projectId: request.projectId }, select: { id: true, name: true } });
    if (!environment) return fail("not_found", "This environment does not exist in this project.");
    await tx.environment.update({ where: { id: environment.id }, data: { hookTokenHash: hashHookToken(token) } });
    await recordEvent(tx, {
      projectId: request.projectId,
      environmentId: environment.id,
      actor: request.actor,
      kind: "environment.hook_token_regenerated",
      summary: { environment: environment.name },
    });
    return ok({ token });
  });
}
