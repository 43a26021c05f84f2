import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { can, type Role } from "@/lib/auth/roles";
import { recordEvent, type AuditSummary } from "@/lib/audit/record-event";
import type { Db } from "@/lib/db/client";
import { lockEnvironment, type LockedEnvironment } from "@/lib/environments/lock-environment";
import { needsConfirmation } from "@/lib/environments/needs-confirmation";
import { isId } from "@/lib/ids";
import { currentStatus, deploymentEventKind, deploymentKindOf, type RequestKind } from "@/lib/requests/request-status";
import { MAX_NOTE_LENGTH, REQUEST_LIFETIME_MS } from "@/lib/requests/schemas";
import { fail, ok, type Result } from "@/lib/result";
import { versionRefSelect, type VersionRef } from "./deployment-entry";
import { restoreSettingsRevision } from "@/lib/settings-revisions/restore-settings-revision";
import { recordDeployment, type DeploymentOutcome, type RecordDeploymentRequest } from "./record-deployment";
import { readSettingsFingerprint } from "./settings-fingerprint";

/** What a deploy, promotion, rollback or roll forward adds for a protected environment. */
export interface ChangeOptions {
  /** For the approvers: why this should run there. */
  note?: string;
  /** An admin rolling a protected environment back without approvals: the written reason (recorded). */
  bypassReason?: string;
  /** The acting member's role; only an admin may bypass. Absent for the system. */
  role?: Role;
}

export interface ActiveVersionChangeRequest extends ChangeOptions {
  projectId: string;
  environmentId: string;
  versionId: string;
  change: RequestKind;
  author: string;
  /** The signed-in person; absent or null for the system or the local user before sign-in. */
  authorId?: string | null;
  /** See RecordDeploymentRequest.confirmed. */
  confirmed?: boolean;
  /** More for the activity log's deployment event (a promotion's source environment). */
  eventDetail?: AuditSummary;
  /**
   * A whole rollback: the environment's settings go back to this revision of its own, as a new
   * revision, in the same transaction as the version (or, when protected, when approved).
   */
  restoreSettingsRevisionId?: string;
}

/** An ActiveVersionChangeRequest for an environment the caller has locked (changeLockedActiveVersion). */
export type LockedChangeRequest = Omit<ActiveVersionChangeRequest, "environmentId">;

export interface RequestedDeployment {
  id: string;
  kind: RequestKind;
  version: VersionRef;
  requiredApprovals: number;
}

/** Either the environment runs the version now, or a request waits for its approvals. */
export type ActiveVersionChange =
  | ({ outcome: "deployed" } & DeploymentOutcome)
  | { outcome: "requested"; environment: { id: string; name: string }; request: RequestedDeployment };

/**
 * The one rule every change of an environment's active version goes through (deploy a version
 * or the latest draft, promote, roll back, roll forward), inside the caller's transaction: an
 * unprotected environment changes at once; a protected one (it needs approvals) gets a
 * deployment request bound to the version's tree hash and to the environment's active version
 * and settings as they are now. Only an admin may skip the approvals, only to roll back, and
 * only with a written reason, which the activity log keeps.
 */
export async function changeActiveVersion(tx: Db, request: ActiveVersionChangeRequest): Promise<Result<ActiveVersionChange>> {
  const { environmentId, ...change } = request;
  const environment = await lockEnvironment(tx, request.projectId, environmentId);
  if (!environment) return fail("not_found", "This environment does not exist in this project.");
  return changeLockedActiveVersion(tx, environment, change);
}

/**
 * changeActiveVersion for a caller that has locked the environment in this transaction
 * already (reactivateTarget, deployVersion restoring settings): the row lock is held until
 * the transaction ends, so the environment it read then is the environment now, and a
 * second lock would only cost another round trip.
 */
export async function changeLockedActiveVersion(
  tx: Db,
  environment: LockedEnvironment,
  request: LockedChangeRequest,
): Promise<Result<ActiveVersionChange>> {
  const direct = {
    ...request,
    kind: deploymentKindOf(request.change),
    // A roll forward is recorded as a deploy; the activity log still says what it was.
    eventKind: deploymentEventKind(request.change),
    authorId: request.authorId ?? null,
  };
  if (request.restoreSettingsRevisionId !== undefined) {
    const known = await tx.settingsRevision.findFirst({ where: { id: request.restoreSettingsRevisionId, environmentId: environment.id }, select: { id: true } });
    if (!known) return fail("not_found", `This settings revision does not belong to ${environment.name}.`);
  }
  if (environment.requiredApprovals === 0) return deployed(await restoreAndRecord(tx, environment, request, direct));
  if (request.confirmed === false && needsConfirmation(environment.name)) {
    return fail("invalid", `Deploying to ${environment.name} needs an explicit confirmation that names the version and the environment.`);
  }
  if (request.bypassReason !== undefined) {
    const refused = bypassRefusal(request, environment);
    if (refused) return refused;
    const outcome = await restoreAndRecord(tx, environment, request, direct);
    if (!outcome.ok) return outcome;
    const { deployment } = outcome.value;
    await recordEvent(tx, {
      projectId: request.projectId,
      environmentId: environment.id,
      actor: { id: direct.authorId, name: request.author },
      kind: "request.bypassed",
      summary: {
        deploymentId: deployment.id,
        reason: request.bypassReason.trim(),
        requiredApprovals: environment.requiredApprovals,
        version: deployment.version.name,
        versionId: deployment.version.id,
        previousVersion: deployment.previousVersion?.name ?? null,
      },
    });
    return deployed(outcome);
  }
  return requestDeployment(tx, environment, request, { id: direct.authorId, name: request.author });
}

/** Restores the settings first (when asked), so the deployment records the revision it runs with. */
async function restoreAndRecord(
  tx: Db,
  environment: LockedEnvironment,
  request: LockedChangeRequest,
  direct: RecordDeploymentRequest,
): Promise<Result<DeploymentOutcome>> {
  if (request.restoreSettingsRevisionId !== undefined) {
    const restored = await restoreSettingsRevision(tx, {
      projectId: request.projectId,
      environment,
      revisionId: request.restoreSettingsRevisionId,
      actor: { id: direct.authorId ?? null, name: request.author },
    });
    if (!restored.ok) return restored;
  }
  return recordDeployment(tx, environment, direct);
}

function deployed(outcome: Result<DeploymentOutcome>): Result<ActiveVersionChange> {
  return outcome.ok ? ok({ outcome: "deployed", ...outcome.value }) : outcome;
}

function bypassRefusal(request: LockedChangeRequest, environment: LockedEnvironment) {
  if (request.change !== "rollback") {
    return fail("forbidden", `Only a rollback can skip approval. ${environment.name} is protected: request this deployment instead.`);
  }
  if (!request.role || !can(request.role, "administer")) {
    return fail("forbidden", `Only an Admin can roll ${environment.name} back without approval.`);
  }
  const reason = request.bypassReason?.trim() ?? "";
  if (reason === "") {
    const message = "Write why this rollback cannot wait for approval.";
    return fail("invalid", message, { bypassReason: message });
  }
  if (reason.length > MAX_NOTE_LENGTH) {
    const message = `The reason can be at most ${MAX_NOTE_LENGTH} characters.`;
    return fail("invalid", message, { bypassReason: message });
  }
  return null;
}

async function requestDeployment(
  tx: Db,
  environment: LockedEnvironment,
  request: LockedChangeRequest,
  requester: Actor,
): Promise<Result<ActiveVersionChange>> {
  const note = request.note?.trim() ?? "";
  if (note.length > MAX_NOTE_LENGTH) {
    const message = `The note can be at most ${MAX_NOTE_LENGTH} characters.`;
    return fail("invalid", message, { note: message });
  }
  const unknownVersion = fail("not_found", "This version does not exist in this project.");
  if (!isId(request.versionId)) return unknownVersion;
  const found = await tx.version.findUnique({ where: { id: request.versionId }, select: { ...versionRefSelect, projectId: true, treeHash: true } });
  if (!found || found.projectId !== request.projectId) return unknownVersion;
  const version: VersionRef = { id: found.id, number: found.number, name: found.name };
  if (environment.activeVersionId === version.id) {
    return fail("conflict", `${version.name} (#${version.number}) is already active in ${environment.name}.`);
  }

  const settings = await readSettingsFingerprint(tx, environment.id);
  const now = new Date();
  const waiting = await tx.deploymentRequest.findMany({
    where: { environmentId: environment.id, versionId: version.id, status: "pending" },
    select: { status: true, expiresAt: true, baseVersionId: true, settingsFingerprint: true },
  });
  const state = { name: environment.name, activeVersionId: environment.activeVersionId, settings };
  if (waiting.some((existing) => currentStatus(existing, state, now).status === "pending")) {
    return fail("conflict", `A request to deploy ${version.name} to ${environment.name} is already waiting for approval.`);
  }

  const created = await tx.deploymentRequest.create({
    data: {
      id: randomUUID(),
      projectId: request.projectId,
      environmentId: environment.id,
      versionId: version.id,
      treeHash: found.treeHash,
      kind: request.change,
      baseVersionId: environment.activeVersionId,
      settingsFingerprint: settings,
      restoreSettingsRevisionId: request.restoreSettingsRevisionId ?? null,
      requestedById: requester.id,
      requestedByName: requester.name,
      note,
      createdAt: now,
      expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_MS),
    },
    select: { id: true },
  });
  await recordEvent(tx, {
    projectId: request.projectId,
    environmentId: environment.id,
    actor: requester,
    kind: "request.created",
    summary: {
      requestId: created.id,
      kind: request.change,
      version: version.name,
      versionId: version.id,
      activeVersionId: environment.activeVersionId,
      treeHash: found.treeHash,
      requiredApprovals: environment.requiredApprovals,
      note,
      restoreSettingsRevisionId: request.restoreSettingsRevisionId ?? null,
    },
  });
  return ok({
    outcome: "requested",
    environment: { id: environment.id, name: environment.name },
    request: { id: created.id, kind: request.change, version, requiredApprovals: environment.requiredApprovals },
  });
}
