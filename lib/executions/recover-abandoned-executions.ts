import type { Db } from "@/lib/db/client";

/**
 * Runs whose worker died (the server stopped or crashed mid-run) keep status running until their
 * lease lapses; then they are queued again if an attempt is left, else failed, and say why. So a
 * run is never lost, and never run twice without its record showing a second attempt.
 */
export async function recoverAbandonedExecutions(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE executions SET
      status = CASE WHEN attempt < max_attempts THEN 'queued' ELSE 'failed' END,
      run_after = now(),
      lease_expires_at = NULL,
      finished_at = CASE WHEN attempt < max_attempts THEN NULL ELSE now() END,
      error = jsonb_build_object('name', 'WorkerLost', 'message',
        CASE WHEN attempt < max_attempts
          THEN 'The server stopped during attempt ' || attempt || ' of this run; it is tried again.'
          ELSE 'The server stopped during attempt ' || attempt || ', the last one allowed; the run was not tried again.'
        END)
    WHERE status = 'running' AND lease_expires_at < now()
    RETURNING id`;
  return rows.map((row) => row.id);
}
