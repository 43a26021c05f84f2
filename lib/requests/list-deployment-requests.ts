import type { Db } from "@/lib/db/client";
import { versionRefSelect, type VersionRef } from "@/lib/deployments/deployment-entry";
import { readSettingsFingerprint, type SettingsFingerprint } from "@/lib/deployments/settings-fingerprint";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { countChanges } from "@/lib/versions/count-changes";
import { diffKnownTrees } from "@/lib/versions/diff-trees";
import { currentStatus, type RequestKind, type RequestStatus } from "./request-status";

export interface RequestDecision {
  userId: string;
  userName: string;
  decision: "approve" | "reject";
  comment: string;
  createdAt: Date;
}

export interface DeploymentRequestView {
  id: string;
  kind: RequestKind;
  environment: { id: string; name: string };
  version: VersionRef;
  requestedBy: { id: string | null; name: string };
  note: string;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  /** As of now: stale and expired are computed from the environment and the clock. */
  status: RequestStatus;
  /** Why it can no longer be approved (stale, expired); null otherwise. */
  reason: string | null;
  decisions: RequestDecision[];
  approvals: number;
  requiredApprovals: number;
  /** For a pending request: files the version adds, modifies and removes against what the environment runs now. */
  changes: { added: number; modified: number; removed: number } | null;
}

const CLOSED_SHOWN = 20;
const PENDING_SHOWN = 100;

/** A project's deployment requests: every one still pending (newest first), then the newest closed ones. */
export async function listDeploymentRequests(db: Db, projectId: string, now = new Date()): Promise<Result<DeploymentRequestView[]>> {
  if (!isId(projectId)) return fail("not_found", "This project does not exist.");
  const select = {
    id: true,
    kind: true,
    status: true,
    note: true,
    createdAt: true,
    expiresAt: true,
    closedAt: true,
    baseVersionId: true,
    settingsFingerprint: true,
    requestedById: true,
    requestedByName: true,
    environment: { select: { id: true, name: true, activeVersionId: true, requiredApprovals: true } },
    version: { select: versionRefSelect },
    approvals: { orderBy: { createdAt: "asc" }, select: { userId: true, userName: true, decision: true, comment: true, createdAt: true } },
  } as const;
  const pending = await db.deploymentRequest.findMany({ where: { projectId, status: "pending" }, orderBy: { createdAt: "desc" }, take: PENDING_SHOWN, select });
  const closed = await db.deploymentRequest.findMany({
    where: { projectId, status: { not: "pending" } },
    orderBy: { createdAt: "desc" },
    take: CLOSED_SHOWN,
    select,
  });

  const settings = new Map<string, SettingsFingerprint>();
  const views: DeploymentRequestView[] = [];
  for (const row of [...pending, ...closed]) {
    const { environment } = row;
    if (row.status === "pending" && !settings.has(environment.id)) settings.set(environment.id, await readSettingsFingerprint(db, environment.id));
    const status = currentStatus(row, { ...environment, settings: settings.get(environment.id) ?? {} }, now);
    const changes = status.status === "pending" ? await changesAgainstActive(db, projectId, environment.activeVersionId, row.version.id) : null;
    views.push({
      id: row.id,
      kind: row.kind as RequestKind,
      environment: { id: environment.id, name: environment.name },
      version: row.version,
      requestedBy: { id: row.requestedById, name: row.requestedByName },
      note: row.note,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      closedAt: row.closedAt,
      status: status.status,
      reason: status.reason,
      decisions: row.approvals.map((decision) => ({ ...decision, decision: decision.decision as RequestDecision["decision"] })),
      approvals: row.approvals.filter((decision) => decision.decision === "approve").length,
      requiredApprovals: Math.max(1, environment.requiredApprovals),
      changes,
    });
  }
  return ok(views);
}

async function changesAgainstActive(db: Db, projectId: string, activeVersionId: string | null, versionId: string) {
  const target = { kind: "version" as const, versionId };
  const diff = await diffKnownTrees(db, projectId, activeVersionId ? { kind: "version", versionId: activeVersionId } : target, target);
  return activeVersionId ? countChanges(diff) : { added: diff.length, modified: 0, removed: 0 };
}
