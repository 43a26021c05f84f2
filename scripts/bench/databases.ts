import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { Db } from "@/lib/db/client";
import { openEmbedded } from "@/lib/db/connect";
import { createTestDb } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface BenchDatabase {
  kind: "pglite" | "postgresql";
  prisma: PrismaClient;
  /** PGlite: the instance underneath Prisma, for pg-boss's executeSql (queue.ts). */
  pglite?: PGlite;
  serverVersion: string;
  /** PostgreSQL: the database's address, for an app server started on it. */
  url?: string;
  close(): Promise<void>;
}

/** The embedded database as the app runs it: PGlite on a data folder, deleted on close. */
export async function openPglite(): Promise<BenchDatabase> {
  const folder = await mkdtemp(path.join(tmpdir(), "draftline-bench-"));
  const connection = await openEmbedded(path.join(folder, "pglite"));
  return {
    kind: "pglite",
    prisma: connection.prisma,
    pglite: connection.pglite,
    serverVersion: await serverVersion(connection.prisma),
    async close() {
      await connection.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the PostgreSQL server at `url`, dropped on close. */
export async function openPostgres(url: string): Promise<BenchDatabase> {
  // createTestDb makes (and later drops) a database of its own on the server it is pointed at.
  process.env.TEST_DATABASE_URL = url;
  const connection = await createTestDb();
  return {
    kind: "postgresql",
    prisma: connection.prisma,
    url: "url" in connection ? connection.url : undefined,
    serverVersion: await serverVersion(connection.prisma),
    close: connection.close,
  };
}

export async function serverVersion(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ server_version: string }>>`SHOW server_version`;
  return row?.server_version ?? "unknown";
}

/** On-disk bytes of each table with its TOAST data and indexes. */
export async function tableBytes(db: Db, tables: readonly string[]): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<Array<{ name: string; bytes: bigint }>>(
    `SELECT name, pg_total_relation_size(name::regclass) AS bytes FROM unnest($1::text[]) AS name`,
    tables,
  );
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.bytes)]));
}
