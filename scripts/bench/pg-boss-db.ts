// pg-boss 10 runs its SQL through any object with `executeSql(text, values)` (its `db` option,
// for the whole instance or per call). Two such objects, for the queue benchmark (queue.ts):
// one onto the embedded database, one onto a Prisma client or an open Prisma transaction.
import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";

export interface ExecuteSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss on PGlite. Its schema install and migrations are several statements in one text with
 * no values, which only PGlite's `exec` (the simple protocol, as pg's `query` without values)
 * runs; every other call has values and one statement. Each call takes PGlite's lock, so none
 * lands inside a transaction Prisma holds open on the same instance.
 */
export function pgliteExecuteSql(pglite: PGlite): ExecuteSql {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await pglite.query(text, values);
        return { rows: result.rows };
      }
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/**
 * pg-boss through Prisma: pass the transaction client of `$transaction(async (tx) => …)` and a
 * `send(name, data, { db })` commits or rolls back with the transaction's other writes.
 * One statement with values per call, which is what send, fetch and complete issue.
 */
export function prismaExecuteSql(db: Db): ExecuteSql {
  return {
    async executeSql(text, values = []) {
      const rows = await db.$queryRawUnsafe<unknown[]>(text, ...values);
      return { rows };
    },
  };
}

/** Where pg-boss keeps its tables in the benchmark's throwaway database. */
export const BENCH_BOSS_SCHEMA = "bench_pgboss";

/**
 * A started pg-boss on the embedded database (through `pgliteExecuteSql`) or on a PostgreSQL
 * server (its own pool), its tables in BENCH_BOSS_SCHEMA; stop it with `stop({ graceful: false })`.
 */
export async function startPgBoss(target: { pglite: PGlite } | { connectionString: string }): Promise<PgBoss> {
  const boss = new PgBoss({
    ...("pglite" in target ? { db: pgliteExecuteSql(target.pglite) } : { connectionString: target.connectionString }),
    schema: BENCH_BOSS_SCHEMA,
    // Cron schedules are not what is measured; maintenance (expiry, archiving) stays on, as in use.
    schedule: false,
  });
  boss.on("error", (error: unknown) => console.error("pg-boss:", error));
  await boss.start();
  return boss;
}
