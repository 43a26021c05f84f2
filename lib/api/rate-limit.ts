import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Calls one token may make per window, unless DRAFTLINE_API_RATE_LIMIT says otherwise. */
export const DEFAULT_API_CALLS_PER_MINUTE = 600;
const WINDOW_MS = 60_000;

export function apiCallsPerMinute(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.DRAFTLINE_API_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_API_CALLS_PER_MINUTE;
}

/**
 * Counts one call of a token in the current one-minute window, in the database so every
 * instance of the app shares the count (one atomic upsert; the row's window restarts once
 * it is over). Returns null when the call is allowed, else the seconds until the window ends.
 */
export async function consumeApiRateLimit(db: PrismaClient, tokenId: string, limit = apiCallsPerMinute(), now = Date.now()): Promise<number | null> {
  const key = `api-token:${tokenId}`;
  const windowStart = BigInt(now - WINDOW_MS);
  const rows = await db.$queryRaw<Array<{ count: number; last_request: bigint }>>`
    INSERT INTO "rate_limits" ("key", "count", "last_request") VALUES (${key}, 1, ${BigInt(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rate_limits"."last_request" <= ${windowStart} THEN 1 ELSE "rate_limits"."count" + 1 END,
      "last_request" = CASE WHEN "rate_limits"."last_request" <= ${windowStart} THEN ${BigInt(now)} ELSE "rate_limits"."last_request" END
    RETURNING "count", "last_request"`;
  const [row] = rows;
  if (!row || row.count <= limit) return null;
  return Math.max(1, Math.ceil((Number(row.last_request) + WINDOW_MS - now) / 1000));
}
