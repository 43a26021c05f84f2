import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { insertVersions, loadProject, versionId } from "./fixtures";
import { ratio, summarize, timed } from "./timing";

const WARM_UP_ROUNDS = 3;

interface Subject {
  projectId: string;
  environmentId: string;
  candidateId: string;
  deployMs: number[];
  rollbackMs: number[];
}

/**
 * Deploy a version to production, then roll production back, alternately, in a project with
 * few versions and one with many. Measured in two states of the planner's statistics:
 * - none, as in the embedded database, where nothing ever runs ANALYZE;
 * - stale: gathered before the big project existed, as on a server where a new project grows
 *   in a versions table that autovacuum does not analyze again yet (it waits for changes to
 *   a tenth of the table's rows), so the planner believes that project has about no versions.
 */
export async function benchDeployRollback(db: PrismaClient, versionCounts: readonly [number, number], alternations: number) {
  return {
    alternations,
    withoutStatistics: await measurePair(db, versionCounts, alternations, false),
    staleStatistics: await measurePair(db, versionCounts, alternations, true),
  };
}

async function measurePair(db: PrismaClient, [few, many]: readonly [number, number], alternations: number, analyzeEarly: boolean) {
  const fewProjectId = await newProject(db, few);
  if (analyzeEarly) await db.$executeRaw`ANALYZE versions`;
  const subjects = [await prepare(db, fewProjectId, few), await prepare(db, await newProject(db, many), many)];

  for (let round = -WARM_UP_ROUNDS; round < alternations; round++) {
    // The two projects take turns in a random order, so both see the same machine load.
    const order = Math.random() < 0.5 ? subjects : [...subjects].reverse();
    for (const subject of order) {
      const { projectId, environmentId } = subject;
      const deploy = await timed(() => deployVersion(db, { projectId, environmentId, versionId: subject.candidateId, author: "Bench author" }));
      if (!deploy.value.ok) throw new Error(`deployVersion failed: ${deploy.value.error.message}`);
      const rollback = await timed(() => rollbackEnvironment(db, { projectId, environmentId, author: "Bench author" }));
      if (!rollback.value.ok) throw new Error(`rollbackEnvironment failed: ${rollback.value.error.message}`);
      if (round < 0) continue;
      subject.deployMs.push(deploy.ms);
      subject.rollbackMs.push(rollback.ms);
    }
  }
  const [small, big] = subjects.map((subject) => ({ deployMs: summarize(subject.deployMs), rollbackMs: summarize(subject.rollbackMs) }));
  return {
    few: { versions: few, ...small! },
    many: { versions: many, ...big! },
    deployRatio: ratio(big!.deployMs.p50, small!.deployMs.p50),
    rollbackRatio: ratio(big!.rollbackMs.p50, small!.rollbackMs.p50),
  };
}

async function newProject(db: PrismaClient, versions: number) {
  const projectId = await loadProject(db, [{ path: "README.md", content: "# Deploy fixture\n" }], ["development", "staging", "production"]);
  await insertVersions(db, projectId, versions);
  return projectId;
}

/** Production runs the latest version; the bench deploys the one before it and rolls back. */
async function prepare(db: PrismaClient, projectId: string, versions: number): Promise<Subject> {
  const production = await db.environment.findFirstOrThrow({ where: { projectId, name: "production" }, select: { id: true } });
  const latest = await deployVersion(db, { projectId, environmentId: production.id, versionId: await versionId(db, projectId, versions), author: "Bench author" });
  if (!latest.ok) throw new Error(`deployVersion failed: ${latest.error.message}`);
  return { projectId, environmentId: production.id, candidateId: await versionId(db, projectId, versions - 1), deployMs: [], rollbackMs: [] };
}
