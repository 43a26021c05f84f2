import { randomUUID } from "node:crypto";
import { insertEvent, type AuditEventInput, type AuditKind, type AuditSummary } from "@/lib/audit/record-event";
import { authorAsActor, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import type { LockedEnvironment } from "@/lib/environments/lock-environment";
import { needsConfirmation } from "@/lib/environments/needs-confirmation";
import { Prisma } from "@/lib/generated/prisma/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { versionRefSelect, type DeploymentEntry, type DeploymentKind, type VersionRef } from "./deployment-entry";
import { settingsFingerprintSql } from "./settings-fingerprint";

export interface RecordDeploymentRequest {
  projectId: string;
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
 * runs with (their fingerprint and their revision). The caller has locked the environment's
 * row in this transaction (lockEnvironment), so deployments of one environment take turns:
 * each records the version that was really active before it, its sequence is higher than
 * every earlier one, and the active version is always the newest deployment's. Every
 * deployment made this way writes its activity event in the same transaction.
 */
export async function recordDeployment(tx: Db, environment: LockedEnvironment, request: RecordDeploymentRequest): Promise<Result<DeploymentOutcome>> {
  if (request.confirmed === false && needsConfirmation(environment.name)) {
    return fail("invalid", `Deploying to ${environment.name} needs an explicit confirmation that names the version and the environment.`);
  }
  const unknownVersion = fail("not_found", "This version does not exist in this project.");
  if (!isId(request.versionId)) return unknownVersion;
  const { version, previousVersion } = await findVersionRefs(tx, request.versionId, environment.activeVersionId);
  if (!version || version.projectId !== request.projectId) return unknownVersion;
  const versionRef = toVersionRef(version);
  if (environment.activeVersionId === version.id) {
    return fail("conflict", `${version.name} (#${version.number}) is already active in ${environment.name}.`);
  }

  const id = randomUUID();
  const written = await writeDeployment(tx, {
    id,
    environmentId: environment.id,
    versionId: version.id,
    previousVersionId: environment.activeVersionId,
    kind: request.kind,
    author: request.author,
    authorId: request.authorId ?? null,
    event: {
      projectId: request.projectId,
      environmentId: environment.id,
      actor: request.eventActor ?? authorAsActor(request),
      kind: request.eventKind ?? EVENT_KINDS[request.kind],
      summary: {
        ...request.eventDetail,
        deploymentId: id,
        environment: environment.name,
        version: versionRef,
        previousVersion,
      },
    },
  });
  const deployment: DeploymentEntry = {
    id,
    sequence: Number(written.sequence),
    kind: request.kind,
    author: request.author,
    createdAt: written.createdAt,
    version: versionRef,
    previousVersion,
    // Approvals belong to the request a deployment came from, which approveRequest links to it
    // only after this: a deployment is always recorded without any.
    approvedBy: [],
    settingsRevision: written.settingsRevision,
  };
  return ok({ environment: { id: environment.id, name: environment.name }, deployment });
}

/**
 * The version to activate and the one active now, in one look by primary key alone, the
 * project checked afterwards: with project_id in the WHERE clause, statistics gathered before
 * a project grew lead the planner to scan all of its versions.
 */
async function findVersionRefs(tx: Db, versionId: string, activeVersionId: string | null) {
  const ids = activeVersionId === null ? [versionId] : [versionId, activeVersionId];
  const found = await tx.version.findMany({ where: { id: { in: ids } }, select: { ...versionRefSelect, projectId: true } });
  const previous = found.find((row) => row.id === activeVersionId);
  return { version: found.find((row) => row.id === versionId), previousVersion: previous ? toVersionRef(previous) : null };
}

/** Just the reference, as an object type the activity log's JSON summary accepts. */
function toVersionRef({ id, number, name }: VersionRef) {
  return { id, number, name };
}

interface DeploymentWrite {
  id: string;
  environmentId: string;
  versionId: string;
  previousVersionId: string | null;
  kind: DeploymentKind;
  author: string;
  authorId: string | null;
  event: AuditEventInput;
}

interface WrittenDeployment {
  sequence: bigint;
  createdAt: Date;
  /** The number of the settings revision it runs with; null before the environment's first. */
  settingsRevision: number | null;
}

/**
 * Inserts the deployment, points the environment at its version and appends the activity
 * event in one statement (data-modifying CTEs): on PGlite every statement costs a round trip
 * of its own, dearer than these small writes. The settings the deployment runs with are read
 * by the same statement: their fingerprint (settingsFingerprintSql) and the revision the
 * environment's counter names, as the transaction left them (after a restore, the new one).
 */
async function writeDeployment(tx: Db, write: DeploymentWrite): Promise<WrittenDeployment> {
  const rows = await tx.$queryRaw<WrittenDeployment[]>`
    WITH deployment AS (
      INSERT INTO deployments (id, environment_id, version_id, previous_version_id, kind, author, author_id, created_at,
                               settings_fingerprint, settings_revision_id)
      SELECT ${write.id}, e.id, ${write.versionId}, ${write.previousVersionId}, ${write.kind}, ${write.author}, ${write.authorId},
             statement_timestamp(), ${settingsFingerprintSql(Prisma.sql`e.id`)}, r.id
      FROM environments AS e
      LEFT JOIN settings_revisions AS r ON r.environment_id = e.id AND r.number = e.settings_revision
      WHERE e.id = ${write.environmentId}
      RETURNING sequence, created_at, settings_revision_id
    ), activated AS (
      UPDATE environments SET active_version_id = ${write.versionId} WHERE id = ${write.environmentId}
    ), event AS (${insertEvent(write.event)})
    SELECT d.sequence, d.created_at AS "createdAt", r.number AS "settingsRevision"
    FROM deployment AS d LEFT JOIN settings_revisions AS r ON r.id = d.settings_revision_id`;
  const written = rows[0];
  if (!written) throw new Error(`The deployment of environment ${write.environmentId} was not written.`);
  return written;
}
