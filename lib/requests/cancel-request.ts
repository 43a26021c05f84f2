import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { lockRequest } from "./lock-request";
import { UNKNOWN_REQUEST } from "./open-request";

/** The requester withdraws a request still waiting for approvals. */
export async function cancelRequest(
  db: PrismaClient,
  request: { projectId: string; requestId: string; actor: Actor },
): Promise<Result<{ status: "cancelled" }>> {
  const unknown = fail("not_found", UNKNOWN_REQUEST);
  if (!isId(request.projectId) || !isId(request.requestId)) return unknown;
  return runInTransaction(db, async (tx) => {
    const locked = await lockRequest(tx, request.projectId, request.requestId);
    if (!locked) return unknown;
    if (locked.requestedById !== request.actor.id) return fail("forbidden", "Only the person who requested this deployment can cancel it.");
    if (locked.status !== "pending") return fail("conflict", `This request is already ${locked.status}.`);
    if (Date.now() >= locked.expiresAt.getTime()) return fail("conflict", "This request has already expired.");
    await tx.deploymentRequest.update({ where: { id: locked.id }, data: { status: "cancelled", closedAt: new Date() } });
    await recordEvent(tx, {
      projectId: request.projectId,
      environmentId: locked.environmentId,
      actor: request.actor,
      kind: "request.cancelled",
      summary: { requestId: locked.id, versionId: locked.versionId },
    });
    return ok({ status: "cancelled" as const });
  });
}
