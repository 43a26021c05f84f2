import type { Prisma } from "@/lib/generated/prisma/client";

export type DeploymentKind = "deploy" | "promote" | "rollback";

/** Enough of a version to name it: "1.1.0 (#3)". */
export interface VersionRef {
  id: string;
  number: number;
  name: string;
}

export const versionRefSelect = { id: true, number: true, name: true } as const;

/** One line of an environment's history. */
export interface DeploymentEntry {
  id: string;
  /** Orders deployments without ties: in an environment, higher is newer. */
  sequence: number;
  kind: DeploymentKind;
  author: string;
  createdAt: Date;
  version: VersionRef;
  /** The version that was active before; null for the environment's first deployment. */
  previousVersion: VersionRef | null;
  /** For a deployment a request led to: who approved it, in order. Empty for a direct one. */
  approvedBy: string[];
}

export const deploymentEntrySelect = {
  id: true,
  sequence: true,
  kind: true,
  author: true,
  createdAt: true,
  version: { select: versionRefSelect },
  previousVersion: { select: versionRefSelect },
  request: { select: { approvals: { where: { decision: "approve" }, orderBy: { createdAt: "asc" }, select: { userName: true } } } },
} as const satisfies Prisma.DeploymentSelect;

type DeploymentRow = Prisma.DeploymentGetPayload<{ select: typeof deploymentEntrySelect }>;

export function toDeploymentEntry(row: DeploymentRow): DeploymentEntry {
  const { request, ...entry } = row;
  const approvedBy = request?.approvals.map((approval) => approval.userName) ?? [];
  return { ...entry, sequence: Number(row.sequence), kind: row.kind as DeploymentKind, approvedBy };
}
