import { randomUUID } from "node:crypto";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import type { DecideRequest } from "./approve-request";
import { openRequestForDecision } from "./open-request";
import { MAX_NOTE_LENGTH } from "./schemas";

/** An approver turns a request down, with a comment: it closes, and nothing is deployed. */
export async function rejectRequest(db: PrismaClient, request: DecideRequest): Promise<Result<{ status: "rejected" }>> {
  const comment = request.comment?.trim() ?? "";
  if (comment.length > MAX_NOTE_LENGTH) return fail("invalid", `The comment can be at most ${MAX_NOTE_LENGTH} characters.`, { comment: "Too long." });
  return runInTransaction(db, async (tx) => {
    const opened = await openRequestForDecision(tx, request, "reject");
    if (!opened.ok) return opened;
    const { locked, environment } = opened.value;
    await tx.requestApproval.create({
      data: { id: randomUUID(), requestId: locked.id, userId: request.actor.id!, userName: request.actor.name, decision: "reject", comment },
    });
    await tx.deploymentRequest.update({ where: { id: locked.id }, data: { status: "rejected", closedAt: new Date() } });
    await recordEvent(tx, {
      projectId: request.projectId,
      environmentId: environment.id,
      actor: { id: request.actor.id, name: request.actor.name },
      kind: "request.rejected",
      summary: { requestId: locked.id, versionId: locked.versionId, requestedBy: locked.requestedByName, comment },
    });
    return ok({ status: "rejected" as const });
  });
}
