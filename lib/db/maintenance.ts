import type { PGlite } from "@electric-sql/pglite";

// PGlite is PostgreSQL in single-user mode: no autovacuum worker ever runs, so statistics stay
// as they were after CREATE TABLE and dead row versions (every autosave leaves one, plus its
// TOAST chunks) are never reclaimed. This module does autovacuum's job for the embedded
// database only; a PostgreSQL server does it itself.
//
// Every statement goes through PGlite's public `exec`/`query`, which take the same mutex that
// PGlite's `transaction()` holds from BEGIN to COMMIT, and the Prisma adapter runs each
// interactive transaction inside `transaction()`. So a VACUUM waits for an open transaction to
// finish and a transaction waits for a running VACUUM; they never interleave (a VACUUM sent
// inside a transaction block would fail, and abort that transaction).

const DEFAULT_INTERVAL_MS = 60_000;

/**
 * Each table (read through `pg_stat_all_tables`, so that its TOAST table counts too) whose dead
 * rows or changes since the last ANALYZE pass the thresholds autovacuum would use on a server.
 */
const CHURNED_TABLES = `
  SELECT format('%I.%I', s.schemaname, s.relname) AS name
  FROM pg_stat_user_tables s
  JOIN pg_class c ON c.oid = s.relid
  LEFT JOIN pg_stat_all_tables t ON t.relid = c.reltoastrelid
  WHERE s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
          + current_setting('autovacuum_vacuum_scale_factor')::float8 * s.n_live_tup
     OR s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
          + current_setting('autovacuum_analyze_scale_factor')::float8 * s.n_live_tup
     OR t.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
          + current_setting('autovacuum_vacuum_scale_factor')::float8 * t.n_live_tup
  ORDER BY 1`;

/** Gathers planner statistics for every table; failures are logged, never thrown. */
export async function analyzeEmbedded(pglite: PGlite): Promise<void> {
  try {
    await pglite.exec("ANALYZE");
  } catch (error) {
    console.warn("Draftline: ANALYZE of the embedded database failed; carrying on.", error);
  }
}

/** Vacuums and analyzes the tables that have churned enough; returns their names. */
export async function vacuumChurnedTables(pglite: PGlite): Promise<string[]> {
  // A backend flushes its table counters at most once a second, after a later statement; this
  // flush makes the check below see every write made so far.
  await pglite.query("SELECT pg_stat_force_next_flush()");
  const { rows } = await pglite.query<{ name: string }>(CHURNED_TABLES);
  const tables = rows.map((row) => row.name);
  // One statement: VACUUM refuses to run inside a multi-statement script as well as a transaction.
  if (tables.length > 0) await pglite.exec(`VACUUM (ANALYZE) ${tables.join(", ")}`);
  return tables;
}

export interface MaintenanceSchedule {
  /** Cancels the next run and waits for a running one, so the database can be closed. */
  stop(): Promise<void>;
}

/** Runs `vacuumChurnedTables` every `intervalMs` on a timer that never keeps the process alive. */
export function scheduleMaintenance(pglite: PGlite, intervalMs = DEFAULT_INTERVAL_MS): MaintenanceSchedule {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const run = async () => {
    try {
      await vacuumChurnedTables(pglite);
    } catch (error) {
      console.warn("Draftline: vacuuming the embedded database failed; will try again.", error);
    }
  };
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        next();
      });
    }, intervalMs);
    timer.unref();
  };
  next();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
