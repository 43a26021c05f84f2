import type { Prisma } from "@/lib/generated/prisma/client";
import { diffSettingsFingerprints, parseSettingsFingerprint, type SettingsFingerprint } from "@/lib/deployments/settings-fingerprint";

/** Where a request stands. `stale` and `expired` are computed when read, from the environment and the clock. */
export type RequestStatus = "pending" | "deployed" | "rejected" | "cancelled" | "stale" | "expired";

/** deploy, promote, rollback or roll_forward: what the request changes, and the deployment it becomes. */
export type RequestKind = "deploy" | "promote" | "rollback" | "roll_forward";

export interface StoredRequestState {
  status: string;
  expiresAt: Date;
  baseVersionId: string | null;
  settingsFingerprint: Prisma.JsonValue;
}

export interface EnvironmentState {
  name: string;
  activeVersionId: string | null;
  settings: SettingsFingerprint;
}

export interface CurrentStatus {
  status: RequestStatus;
  /** Why a request can no longer be approved; null while it can, or once closed. */
  reason: string | null;
}

/**
 * A request's status now. A pending request is expired after its expiry, and stale once its
 * environment runs another version or has other settings than when it was requested: the
 * approvers would approve a change to a state that no longer exists (invariant 10).
 */
export function currentStatus(request: StoredRequestState, environment: EnvironmentState, now: Date): CurrentStatus {
  if (request.status !== "pending") return { status: request.status as RequestStatus, reason: null };
  if (now.getTime() >= request.expiresAt.getTime()) {
    return { status: "expired", reason: "This request expired: requests wait 7 days for their approvals. Request the deployment again." };
  }
  if (environment.activeVersionId !== request.baseVersionId) {
    return {
      status: "stale",
      reason: `${environment.name} runs another version since this was requested, so it cannot be approved. Request the deployment again.`,
    };
  }
  const then = parseSettingsFingerprint(request.settingsFingerprint);
  const difference = then ? diffSettingsFingerprints(then, environment.settings) : null;
  if (!difference || difference.added.length + difference.removed.length + difference.changed.length > 0) {
    return {
      status: "stale",
      reason: `${environment.name}'s settings changed since this was requested, so it cannot be approved. Request the deployment again.`,
    };
  }
  return { status: "pending", reason: null };
}

/** The deployment kind a request becomes: rolling forward is recorded as a deploy. */
export function deploymentKindOf(kind: RequestKind): "deploy" | "promote" | "rollback" {
  return kind === "roll_forward" ? "deploy" : kind;
}

/** The activity log's kind for the deployment a request (or a direct change) makes. */
export function deploymentEventKind(kind: RequestKind) {
  return (
    {
      deploy: "deployment.deployed",
      promote: "deployment.promoted",
      rollback: "deployment.rolled_back",
      roll_forward: "deployment.rolled_forward",
    } as const
  )[kind];
}
