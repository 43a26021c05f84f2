import type { ProjectActor } from "@/lib/auth/actor";
import { can, refusalMessage } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { readSettingsFingerprint } from "@/lib/deployments/settings-fingerprint";
import { lockEnvironment, type LockedEnvironment } from "@/lib/environments/lock-environment";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { lockRequest, type LockedRequest } from "./lock-request";
import { currentStatus } from "./request-status";

export const UNKNOWN_REQUEST = "This deployment request does not exist in this project.";

const CLOSED: Record<string, string> = {
  deployed: "This request was already approved and deployed.",
  rejected: "This request was rejected.",
  cancelled: "This request was cancelled by its requester.",
};

/**
 * A request an approver may decide on now, with its environment, both locked: it exists in the
 * project, the person may approve, it is not their own, it is still pending (not closed,
 * expired or stale). Each refusal says why.
 */
export async function openRequestForDecision(
  tx: Db,
  request: { projectId: string; requestId: string; actor: ProjectActor },
  decision: "approve" | "reject",
): Promise<Result<{ locked: LockedRequest; environment: LockedEnvironment }>> {
  const unknown = fail("not_found", UNKNOWN_REQUEST);
  if (!isId(request.projectId) || !isId(request.requestId)) return unknown;
  if (!can(request.actor.role, "approve")) return fail("forbidden", refusalMessage("approve"));
  const found = await tx.deploymentRequest.findFirst({
    where: { id: request.requestId, projectId: request.projectId },
    select: { environmentId: true },
  });
  if (!found) return unknown;
  const environment = await lockEnvironment(tx, request.projectId, found.environmentId);
  const locked = await lockRequest(tx, request.projectId, request.requestId);
  if (!environment || !locked) return unknown;
  if (locked.requestedById === request.actor.id) {
    return fail(
      "forbidden",
      decision === "approve"
        ? "You cannot approve your own request: another Release manager or Admin must."
        : "You cannot reject your own request; cancel it instead.",
    );
  }
  if (request.actor.id === null) return fail("forbidden", "Deciding on a request needs a signed-in account.");
  const closed = CLOSED[locked.status];
  if (closed) return fail("conflict", closed);
  const settings = await readSettingsFingerprint(tx, environment.id);
  const status = currentStatus(locked, { ...environment, settings }, new Date());
  if (status.status !== "pending") return fail("conflict", status.reason ?? "This request can no longer be decided.");
  const earlier = await tx.requestApproval.findUnique({
    where: { requestId_userId: { requestId: locked.id, userId: request.actor.id } },
    select: { decision: true },
  });
  if (earlier) return fail("conflict", "You already approved this request.");
  return ok({ locked, environment });
}
