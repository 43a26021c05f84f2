import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** How long a claimed run may go unheard of before another worker takes it for dead. */
export const CLAIM_LEASE_MS = 2 * 60_000;
/** Two workers' claims never interleave (across app instances too): the per-environment limit holds. */
const CLAIM_LOCK = 16_000_016;

export interface ClaimedExecution {
  id: string;
  attempt: number;
}

/**
 * Takes the next due run (or the one named) off the queue: marks it running, counts the attempt
 * and gives it a lease. Answers null when nothing is due or the environment already runs as many
 * as `perEnvironmentLimit`. One statement under a transaction-scoped advisory lock, so two
 * workers never take the same run. The full environments are found once, from the running runs
 * (the status index), not counted again for every queued row: with a backlog that per-row count
 * made a claim on PGlite take 439 ms (scripts/bench/queue.ts).
 */
export async function claimExecution(
  db: PrismaClient,
  options: { perEnvironmentLimit: number; executionId?: string },
): Promise<ClaimedExecution | null> {
  const run = async (tx: Db) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK}::bigint)`;
    const rows = await tx.$queryRaw<ClaimedExecution[]>`
      UPDATE executions SET status = 'running', attempt = attempt + 1, started_at = now(),
        finished_at = NULL, duration_ms = NULL,
        lease_expires_at = now() + make_interval(secs => ${CLAIM_LEASE_MS / 1000})
      WHERE id = (
        SELECT e.id FROM executions AS e
        WHERE e.status = 'queued' AND e.run_after <= now()
          AND (${options.executionId ?? null}::text IS NULL OR e.id = ${options.executionId ?? null}::text)
          AND e.environment_id NOT IN (
            SELECT r.environment_id FROM executions AS r WHERE r.status = 'running'
            GROUP BY r.environment_id HAVING count(*) >= ${options.perEnvironmentLimit})
        ORDER BY e.run_after, e.queued_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
      RETURNING id, attempt`;
    return rows[0] ?? null;
  };
  return db.$transaction(run);
}
