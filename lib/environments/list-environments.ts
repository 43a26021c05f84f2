import type { Db } from "@/lib/db/client";
import { versionRefSelect, type DeploymentKind, type VersionRef } from "@/lib/deployments/deployment-entry";
import { findRollForwardTargets } from "@/lib/deployments/find-roll-forward-targets";
import { findHealthyTargets } from "@/lib/deployments/find-healthy-targets";
import { findRollbackTargets } from "@/lib/deployments/find-rollback-targets";
import { findVersionHealth } from "@/lib/executions/find-version-health";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";

export interface EnvironmentSummary {
  id: string;
  name: string;
  position: number;
  /** How many approvals a change of its active version needs; 0 means unprotected. */
  requiredApprovals: number;
  activeVersion: VersionRef | null;
  lastDeployment: { when: Date; author: string; kind: DeploymentKind } | null;
  /** What "Roll back" would re-activate; null when there is nothing to roll back to. */
  rollbackTarget: VersionRef | null;
  /** Right after a rollback, what "Roll forward" would re-activate: the version rolled back from. */
  rollForwardTarget: VersionRef | null;
  /** What "Roll back to last healthy" would re-activate: the newest earlier version whose recent runs here all succeeded. */
  healthyTarget: VersionRef | null;
  /** How the active version's finished runs here ended; null before any finished. */
  activeHealth: RunTally | null;
}

/** Finished runs by outcome: failed counts timeouts too. */
export interface RunTally {
  succeeded: number;
  failed: number;
}

/**
 * A project's environments in their order, each with what runs there, how its runs went, and what
 * "Roll back", "Roll forward" and "Roll back to last healthy" would do.
 */
export async function listEnvironments(db: Db, projectId: string): Promise<Result<EnvironmentSummary[]>> {
  const unknownProject = fail("not_found", "This project does not exist.");
  if (!isId(projectId)) return unknownProject;
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: {
      environments: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          position: true,
          requiredApprovals: true,
          activeVersion: { select: versionRefSelect },
          deployments: { orderBy: { sequence: "desc" }, take: 1, select: { createdAt: true, author: true, kind: true } },
        },
      },
    },
  });
  if (!project) return unknownProject;
  const environmentIds = project.environments.map((environment) => environment.id);
  const rollbackTargets = await findRollbackTargets(db, environmentIds);
  const rollForwardTargets = await findRollForwardTargets(db, environmentIds);
  const healthyTargets = await findHealthyTargets(db, environmentIds);
  const activeVersionIds = project.environments.flatMap((environment) => (environment.activeVersion ? [environment.activeVersion.id] : []));
  const health = await findVersionHealth(db, { projectId, versionIds: activeVersionIds, environmentIds });
  return ok(
    project.environments.map(({ deployments, ...environment }) => {
      const last = deployments[0];
      return {
        ...environment,
        lastDeployment: last ? { when: last.createdAt, author: last.author, kind: last.kind as DeploymentKind } : null,
        rollbackTarget: rollbackTargets.get(environment.id) ?? null,
        rollForwardTarget: rollForwardTargets.get(environment.id) ?? null,
        healthyTarget: healthyTargets.get(environment.id) ?? null,
        activeHealth: tallyOf(health.find((row) => row.environmentId === environment.id && row.versionId === environment.activeVersion?.id)),
      };
    }),
  );
}

function tallyOf(row: { succeeded: number; failed: number } | undefined): RunTally | null {
  return row ? { succeeded: row.succeeded, failed: row.failed } : null;
}
