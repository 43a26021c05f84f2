import type { Wire } from "@/lib/http/wire";
import type { ChangeStatus } from "@/lib/versions/count-changes";
import type { SettingsComparison } from "./compare-settings-fingerprint";
import type { VersionRef } from "./deployment-entry";
import type { VersionRunIn } from "./find-versions-run-in";
import type { RequestKind } from "@/lib/requests/request-status";
import type { ActiveVersionChange } from "./change-active-version";
import type { DeploymentOutcome } from "./record-deployment";

export type SettingsComparisonJson = Wire<SettingsComparison>;
export type VersionRunInJson = Wire<VersionRunIn>;

export interface FileChangeJson {
  path: string;
  status: Exclude<ChangeStatus, "unchanged">;
}

/** What deploying the draft or a version to an environment would change there. */
export interface DeployPreviewJson {
  environment: { id: string; name: string; activeVersion: VersionRef | null };
  /** Files added, modified or removed compared with the active version (all added when none runs). */
  changes: FileChangeJson[];
  /** Only for the draft: the version whose files it holds exactly (nothing new to capture). */
  draftMatches: VersionRef | null;
}

/** What the UI says after a deployment: "1.2.0 (#7) now runs in production." */
export interface DeployedJson {
  outcome: "deployed";
  environment: { id: string; name: string };
  version: { id: string; number: number; name: string };
  kind: "deploy" | "promote" | "rollback";
}

/** What the UI says after asking a protected environment: "Deployment of 1.2.0 to production requested: it needs 2 approvals." */
export interface RequestedJson {
  outcome: "requested";
  environment: { id: string; name: string };
  version: VersionRef;
  kind: RequestKind;
  requestId: string;
  requiredApprovals: number;
}

/** The answer of every action that changes an environment's active version. */
export type ActiveVersionChangeJson = DeployedJson | RequestedJson;

export function toDeployedJson({ environment, deployment }: DeploymentOutcome): DeployedJson {
  return { outcome: "deployed", environment, version: deployment.version, kind: deployment.kind };
}

export function toChangeJson(change: ActiveVersionChange): ActiveVersionChangeJson {
  if (change.outcome === "deployed") return toDeployedJson(change);
  const { environment, request } = change;
  return {
    outcome: "requested",
    environment,
    version: request.version,
    kind: request.kind,
    requestId: request.id,
    requiredApprovals: request.requiredApprovals,
  };
}
