import { randomUUID } from "node:crypto";
import { recordEvent, type AuditKind, type AuditSummary } from "@/lib/audit/record-event";
import { authorAsActor, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { lockEnvironment } from "@/lib/environments/lock-environment";
import { needsConfirmation } from "@/lib/environments/needs-confirmation";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { deploymentEntrySelect, toDeploymentEntry, versionRefSelect, type DeploymentEntry, type DeploymentKind } from "./deployment-entry";
import { readSettingsFingerprint } from "./settings-fingerprint";

export interface RecordDeploymentRequest {
  projectId: string;
  environmentId: string;
  versionId: string;
  kind: DeploymentKind;
  author: string;
  /** The signed-in person; absent or null for the system (sample data, scripts). */
  authorId?: string | null;
  /**
   * Whether the person asking confirmed the dialog that names the version and the environment.
   * `false` refuses a deployment into an environment that needs confirmation (production), so a
   * request that skips the dialog changes nothing. Left out by callers that act for no person
   * (scripts, rollbacks).
   */
  confirmed?: boolean;
  /** The activity log's kind when `kind` alone does not say it (a roll forward is a `deploy`). */
  eventKind?: DeploymentEventKind;
  /** More for the activity log's summary (a promotion's source environment). */
  eventDetail?: AuditSummary;
  /** Who the activity log says acted, when not the author: the last approver of a request. */
  eventActor?: Actor;
}

export type DeploymentEventKind = Extract<AuditKind, `deployment.${string}`>;

const EVENT_KINDS: Record<DeploymentKind, DeploymentEventKind> = {
  deploy: "deployment.deployed",
  promote: "deployment.promoted",
  rollback: "deployment.rolled_back",
};

export interface DeploymentOutcome {
  environment: { id: string; name: string };
  deployment: DeploymentEntry;
}

/**
 * Runs inside the caller's transaction (which must roll back when this fails): makes a
 * version the environment's active one and records the deployment with the settings it
 * runs with. The environment's row is locked first, so deployments of one environment take
 * turns: each records the version that was really active before it, its sequence is higher
 * than every earlier one, and the active version is always the newest deployment's. Every
 * deployment made this way writes its activity event in the same transaction.
 */
export async function recordDeployment(tx: Db, request: RecordDeploymentRequest): Promise<Result<DeploymentOutcome>> {
  const environment = await lockEnvironment(tx, request.projectId, request.environmentId);
  if (!environment) return fail("not_found", "This environment does not exist in this project.");
  if (request.confirmed === false && needsConfirmation(environment.name)) {
    return fail("invalid", `Deploying to ${environment.name} needs an explicit confirmation that names the version and the environment.`);
  }
  const unknownVersion = fail("not_found", "This version does not exist in this project.");
  if (!isId(request.versionId)) return unknownVersion;
  // By primary key alone, the project checked afterwards: with project_id in the WHERE clause,
  // statistics gathered before a project grew lead the planner to scan all of its versions.
  const found = await tx.version.findUnique({
    where: { id: request.versionId },
    select: { ...versionRefSelect, projectId: true },
  });
  if (!found || found.projectId !== request.projectId) return unknownVersion;
  const version = { id: found.id, number: found.number, name: found.name };
  if (environment.activeVersionId === version.id) {
    return fail("conflict", `${version.name} (#${version.number}) is already active in ${environment.name}.`);
  }

  const deployment = await tx.deployment.create({
    data: {
      id: randomUUID(),
      environmentId: environment.id,
      versionId: version.id,
      previousVersionId: environment.activeVersionId,
      kind: request.kind,
      author: request.author,
      authorId: request.authorId ?? null,
      settingsFingerprint: await readSettingsFingerprint(tx, environment.id),
    },
    select: deploymentEntrySelect,
  });
  await tx.environment.update({ where: { id: environment.id }, data: { activeVersionId: version.id } });
  await recordEvent(tx, {
    projectId: request.projectId,
    environmentId: environment.id,
    actor: request.eventActor ?? authorAsActor(request),
    kind: request.eventKind ?? EVENT_KINDS[request.kind],
    summary: {
      ...request.eventDetail,
      deploymentId: deployment.id,
      environment: environment.name,
      version,
      previousVersion: deployment.previousVersion,
    },
  });
  return ok({ environment: { id: environment.id, name: environment.name }, deployment: toDeploymentEntry(deployment) });
}
