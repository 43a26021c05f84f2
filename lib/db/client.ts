import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DraftChangeFeed } from "@/lib/drafts/draft-change-feed";
import { DRAFT_CHANGES_CHANNEL } from "@/lib/drafts/notify-draft-change";
import { openDatabase, type Connection } from "./connect";

/** The database client or an open transaction: every domain function accepts either. */
export type Db = PrismaClient | Prisma.TransactionClient;

declare global {
  // Next evaluates server modules more than once per process; a second PGlite on the same
  // folder would silently lose writes, so the one connection lives on globalThis.
  var __draftlineConnection: Promise<Connection> | undefined;
  // Likewise one listener per process, fanning each notification out to the waiting requests.
  var __draftlineChangeFeed: Promise<DraftChangeFeed> | undefined;
}

/** Opens (once per process) and migrates the database: PGlite unless DATABASE_URL is set. */
export function getDb(): Promise<PrismaClient> {
  return processConnection().then((connection) => connection.prisma);
}

function processConnection(): Promise<Connection> {
  globalThis.__draftlineConnection ??= openDatabase().catch((error: unknown) => {
    globalThis.__draftlineConnection = undefined;
    throw error;
  });
  return globalThis.__draftlineConnection;
}

/**
 * This instance's feed of draft writes, from every instance sharing the database: the first
 * call starts listening on the process's connection (PGlite's own notifications, or one
 * dedicated connection to the PostgreSQL server).
 */
export function getDraftChangeFeed(): Promise<DraftChangeFeed> {
  globalThis.__draftlineChangeFeed ??= (async () => {
    const connection = await processConnection();
    const feed = new DraftChangeFeed();
    await connection.listen(DRAFT_CHANGES_CHANNEL, {
      onNotify: (projectId) => feed.publish(projectId),
      onResync: () => feed.publishAll(),
    });
    return feed;
  })().catch((error: unknown) => {
    globalThis.__draftlineChangeFeed = undefined;
    throw error;
  });
  return globalThis.__draftlineChangeFeed;
}

export async function closeDb() {
  globalThis.__draftlineChangeFeed = undefined;
  const connection = globalThis.__draftlineConnection;
  globalThis.__draftlineConnection = undefined;
  if (connection) await (await connection).close();
}
