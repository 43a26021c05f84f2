import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createPglite } from "./create-pglite";
import { listenEmbedded, listenServer, type ChannelHandlers, type StopListening } from "./listen";
import { analyzeEmbedded, scheduleMaintenance } from "./maintenance";
import { migrate } from "./migrate";
import { prepareDataFolder, restrictModes } from "./restrict-data-folder";
import { pgliteRunner, pgRunner } from "./sql-runner";

/**
 * Opening a database, for the app's per-process client (client.ts) and for the command-line
 * scripts and tests, which open and close their own. Free of "server-only" so tsx can run it.
 */
export interface Connection {
  prisma: PrismaClient;
  /** Hears a notification channel (pg_notify) until the returned function or close() stops it. */
  listen(channel: string, handlers: ChannelHandlers): Promise<StopListening>;
  close(): Promise<void>;
}

/** Listeners stopped together with their connection. */
function listeners() {
  const stops = new Set<StopListening>();
  return {
    keep(stop: StopListening): StopListening {
      const once = async () => {
        if (stops.delete(once)) await stop();
      };
      stops.add(once);
      return once;
    },
    stopAll: () => Promise.all([...stops].map((stop) => stop())),
  };
}

/**
 * Prisma's defaults (2 s to start a transaction, 5 s to finish it) turn a burst of concurrent
 * writes or a 5,000-file restore on a busy machine into errors; a person would rather wait.
 * Transactions queue for a free connection (or PGlite's single one) for up to 10 s and may run 30 s.
 */
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 30_000 };

export function dataDir() {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DRAFTLINE_DATA_DIR ?? path.join(process.cwd(), "data"));
}

/** Opens and migrates the configured database: PGlite in the data folder unless DATABASE_URL is set. */
export function openDatabase(): Promise<Connection> {
  const url = process.env.DATABASE_URL;
  return url ? openServer(url) : openEmbedded(path.join(dataDir(), "pglite"));
}

/** Also the PGlite instance, for tests that look underneath Prisma. */
export async function openEmbedded(folder?: string): Promise<Connection & { pglite: PGlite }> {
  // PGlite creates its own folder but not the folders above it; both are kept private.
  if (folder) await prepareDataFolder(path.dirname(folder));
  const pglite = await createPglite(folder);
  if (folder) await restrictModes(folder);
  await migrate(pgliteRunner(pglite));
  // PGlite has no autovacuum (see maintenance.ts): statistics now, vacuum as tables churn.
  await analyzeEmbedded(pglite);
  const maintenance = scheduleMaintenance(pglite);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_LIMITS });
  const listening = listeners();
  return {
    prisma,
    pglite,
    listen: async (channel, handlers) => listening.keep(await listenEmbedded(pglite, channel, handlers)),
    async close() {
      await listening.stopAll();
      await maintenance.stop();
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export async function openServer(connectionString: string): Promise<Connection> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await migrate(pgRunner(client));
  } finally {
    await client.end();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }), transactionOptions: TRANSACTION_LIMITS });
  const listening = listeners();
  return {
    prisma,
    listen: async (channel, handlers) => listening.keep(await listenServer(connectionString, channel, handlers)),
    async close() {
      await listening.stopAll();
      await prisma.$disconnect();
    },
  };
}
