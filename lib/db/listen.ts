import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** What a listener is told: a notification's payload, or that some may have been missed. */
export interface ChannelHandlers {
  onNotify(payload: string): void;
  /** Listening started or restarted (a dropped connection came back): notifications sent before are lost, read again. */
  onResync(): void;
}

export type StopListening = () => Promise<void>;

/** Waits between reconnection attempts: quick at first, then every 5 s while the server is away. */
const RETRY_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];

function checkedChannel(channel: string) {
  // LISTEN takes an identifier, not a parameter: only plain names are accepted.
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  return channel;
}

/** PGlite runs in this process: its notifications arrive on the same connection, after commit. */
export async function listenEmbedded(pglite: PGlite, channel: string, handlers: ChannelHandlers): Promise<StopListening> {
  const unlisten = await pglite.listen(checkedChannel(channel), handlers.onNotify);
  handlers.onResync();
  return unlisten;
}

/**
 * One dedicated connection per app instance holds LISTEN on a PostgreSQL server (the pool's
 * connections come and go, and a notification reaches only sessions listening when it commits).
 * When the connection drops it reconnects, retrying with growing delays, and then asks the
 * handlers to resync, since whatever was notified in between never reached it. Resolves once
 * the first attempt is over, listening or not (then still retrying).
 */
export async function listenServer(connectionString: string, channel: string, handlers: ChannelHandlers): Promise<StopListening> {
  const statement = `LISTEN ${checkedChannel(channel)}`;
  let current: pg.Client | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  const scheduleConnect = () => {
    if (stopped || retry) return;
    const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
    failures += 1;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    retry.unref?.();
  };

  const connect = async () => {
    const client = new pg.Client({ connectionString });
    let dropped = false;
    const drop = (error?: unknown) => {
      if (dropped) return;
      dropped = true;
      if (current === client) current = undefined;
      if (!stopped && error) console.warn(`Draftline: the connection listening for ${channel} dropped (${describe(error)}); reconnecting.`);
      client.end().catch(() => undefined);
      scheduleConnect();
    };
    client.on("notification", (message) => {
      if (message.channel === channel && message.payload) handlers.onNotify(message.payload);
    });
    client.on("error", drop);
    client.on("end", () => drop(new Error("connection closed")));
    try {
      await client.connect();
      await client.query(statement);
    } catch (error) {
      drop(error);
      return;
    }
    if (stopped) {
      dropped = true;
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    failures = 0;
    handlers.onResync();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    await client?.end().catch(() => undefined);
  };
}

function describe(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}
