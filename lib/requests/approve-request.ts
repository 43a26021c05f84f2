import { randomUUID } from "node:crypto";
import type { ProjectActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { runInTransaction } from "@/lib/db/run-in-transaction";
import type { DeploymentOutcome } from "@/lib/deployments/record-deployment";
import { recordDeployment } from "@/lib/deployments/record-deployment";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";
import { restoreSettingsRevision } from "@/lib/settings-revisions/restore-settings-revision";
import { openRequestForDecision } from "./open-request";
import { deploymentEventKind, deploymentKindOf } from "./request-status";
import { MAX_NOTE_LENGTH } from "./schemas";

export interface DecideRequest {
  projectId: string;
  requestId: string;
  actor: ProjectActor;
  comment?: string;
}

export type ApprovalOutcome =
  | { status: "pending"; approvals: number; requiredApprovals: number }
  | ({ status: "deployed"; approvals: number; requiredApprovals: number } & DeploymentOutcome);

/**
 * Records one approval. The approval that completes the required number performs the
 * deployment in the same transaction: the settings restore a whole rollback asked for, the
 * deployment (its author the requester), the request
 * marked deployed with its deployment, and the events. The environment and the request are
 * locked first, so two last approvals arriving together deploy exactly once, and only while
 * the environment is as it was when requested (invariant 10).
 */
export async function approveRequest(db: PrismaClient, request: DecideRequest): Promise<Result<ApprovalOutcome>> {
  const comment = request.comment?.trim() ?? "";
  if (comment.length > MAX_NOTE_LENGTH) return fail("invalid", `The comment can be at most ${MAX_NOTE_LENGTH} characters.`, { comment: "Too long." });
  return runInTransaction<ApprovalOutcome>(db, async (tx) => {
    const opened = await openRequestForDecision(tx, request, "approve");
    if (!opened.ok) return opened;
    const { locked, environment } = opened.value;
    const version = await tx.version.findUnique({ where: { id: locked.versionId }, select: { treeHash: true, name: true, number: true } });
    if (!version || version.treeHash !== locked.treeHash) return fail("conflict", "The requested version's files are not the ones requested.");

    const approver = { id: request.actor.id, name: request.actor.name };
    await tx.requestApproval.create({
      data: { id: randomUUID(), requestId: locked.id, userId: request.actor.id!, userName: request.actor.name, decision: "approve", comment },
    });
    const approvals = await tx.requestApproval.count({ where: { requestId: locked.id, decision: "approve" } });
    // Lowering the rule to 0 meanwhile does not let a request through without any approval.
    const requiredApprovals = Math.max(1, environment.requiredApprovals);
    await recordEvent(tx, {
      projectId: request.projectId,
      environmentId: environment.id,
      actor: approver,
      kind: "request.approved",
      summary: { requestId: locked.id, version: version.name, versionId: locked.versionId, approvals, requiredApprovals, comment },
    });
    if (approvals < requiredApprovals) return ok<ApprovalOutcome>({ status: "pending", approvals, requiredApprovals });

    // The settings are still as requested (openRequestForDecision checked), so the restore is the one previewed.
    if (locked.restoreSettingsRevisionId !== null) {
      const restored = await restoreSettingsRevision(tx, {
        projectId: request.projectId,
        environment,
        revisionId: locked.restoreSettingsRevisionId,
        actor: approver,
      });
      if (!restored.ok) return restored;
    }
    const deployed = await recordDeployment(tx, environment, {
      projectId: request.projectId,
      versionId: locked.versionId,
      kind: deploymentKindOf(locked.kind),
      author: locked.requestedByName,
      authorId: locked.requestedById,
      // The deployment is the requester's; the last approval made it happen, so the activity log names the approver.
      eventKind: deploymentEventKind(locked.kind),
      eventActor: approver,
      eventDetail: { requestId: locked.id, requestedBy: locked.requestedByName },
    });
    if (!deployed.ok) return deployed;
    const { deployment } = deployed.value;
    await tx.deploymentRequest.update({
      where: { id: locked.id },
      data: { status: "deployed", deploymentId: deployment.id, closedAt: new Date() },
    });
    return ok<ApprovalOutcome>({ status: "deployed", approvals, requiredApprovals, ...deployed.value });
  });
}
