import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase, type Connection } from "./connect";

/** The database client or an open transaction: every domain function accepts either. */
export type Db = PrismaClient | Prisma.TransactionClient;

declare global {
  // Next evaluates server modules more than once per process; a second PGlite on the same
  // folder would silently lose writes, so the one connection lives on globalThis.
  var __draftlineConnection: Promise<Connection> | undefined;
}

/** Opens (once per process) and migrates the database: PGlite unless DATABASE_URL is set. */
export function getDb(): Promise<PrismaClient> {
  globalThis.__draftlineConnection ??= openDatabase().catch((error: unknown) => {
    globalThis.__draftlineConnection = undefined;
    throw error;
  });
  return globalThis.__draftlineConnection.then((connection) => connection.prisma);
}

export async function closeDb() {
  const connection = globalThis.__draftlineConnection;
  globalThis.__draftlineConnection = undefined;
  if (connection) await (await connection).close();
}
