import type { PGlite } from "@electric-sql/pglite";
import type { Client as PgClient } from "pg";

/** The few raw-SQL operations the migrator and test helpers need, over either driver. */
export interface SqlRunner {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    async exec(sql) {
      await pglite.exec(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await pglite.query<Row>(sql, params);
      return result.rows;
    },
  };
}

export function pgRunner(client: PgClient): SqlRunner {
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as Row[];
    },
  };
}
