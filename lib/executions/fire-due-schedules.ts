import { Cron } from "croner";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getVersionFiles } from "@/lib/versions/get-version-files";
import type { ExecutionJson } from "./execution-json";
import { toFileMap } from "./file-map";
import type { Schedule } from "./parse-schedule";
import { queueExecution } from "./queue-execution";
import { readIntegrationConfig } from "./read-integration-config";

/**
 * Queues the scheduled workflows of every environment's active version whose tick is now (this
 * minute for a cron expression, the current interval for "every N minutes"). Each tick is claimed
 * by inserting its schedule_ticks row: instances that run this at once queue it once. A tick that
 * passed while no instance was running is not made up for.
 */
export async function fireDueSchedules(db: PrismaClient, now = new Date()): Promise<ExecutionJson[]> {
  const environments = await db.environment.findMany({
    where: { activeVersionId: { not: null } },
    select: { id: true, name: true, projectId: true, activeVersionId: true },
  });
  const fired: ExecutionJson[] = [];
  for (const environment of environments) {
    const files = await getVersionFiles(db, environment.projectId, environment.activeVersionId ?? "");
    if (!files.ok) continue;
    const config = readIntegrationConfig(toFileMap(files.value));
    if (!config.ok) continue;
    const override = config.value.environments[environment.name]?.schedule;
    for (const workflow of config.value.workflows) {
      const tickAt = currentTick(override ?? workflow.schedule, now);
      if (!tickAt) continue;
      const queued = await db.$transaction(async (tx) => {
        const claimed = await tx.$executeRaw`
          INSERT INTO schedule_ticks (environment_id, workflow, tick_at) VALUES (${environment.id}, ${workflow.name}, ${tickAt})
          ON CONFLICT DO NOTHING`;
        if (claimed === 0) return null;
        const execution = await queueExecution(tx, { projectId: environment.projectId, environmentId: environment.id, workflow: workflow.name, trigger: "schedule" });
        if (!execution.ok) return null;
        await tx.scheduleTick.update({
          where: { environmentId_workflow_tickAt: { environmentId: environment.id, workflow: workflow.name, tickAt } },
          data: { executionId: execution.value.id },
        });
        return execution.value;
      });
      if (queued) fired.push(queued);
    }
  }
  return fired;
}

/** The tick `now` falls in, if the schedule has one there. */
export function currentTick(schedule: Schedule, now: Date): Date | null {
  if (schedule.kind === "manual") return null;
  if (schedule.kind === "every") return new Date(Math.floor(now.getTime() / schedule.intervalMs) * schedule.intervalMs);
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  const next = new Cron(schedule.expression, { paused: true, timezone: "UTC" }).nextRun(new Date(minute - 1000));
  return next && next.getTime() === minute ? new Date(minute) : null;
}
