import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { fail, ok, type Result } from "@/lib/result";

/** How long a stored answer is replayed for its key. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * No API request runs this long: a key still without an answer by then belongs to a request the
 * server stopped in the middle of (a crash or a restart), not to one still running.
 */
export const IDEMPOTENCY_RUNNING_LIMIT_MS = 15 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const STILL_RUNNING = "The request with this Idempotency-Key is still running. Retry it in a moment to get its answer.";

export interface StoredAnswer {
  status: number;
  body: string;
}

/** What a POST with an Idempotency-Key may do: run (the key is now reserved) or replay an earlier answer. */
export type Reservation = { kind: "run" } | { kind: "replay"; answer: StoredAnswer };

/** The fingerprint of a request, so a key reused for another request is caught. */
export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`, "utf8").digest("hex");
}

/**
 * Reserves `key` for this token's request, or finds the answer it already got. The same key
 * with another request, while the first is still running, or after the first was stopped before
 * it answered, is a `conflict` that changes nothing; a key older than 24 hours starts afresh.
 * A stopped request is never run again under its key: it may have made its change before it
 * stopped, and running it twice could make it twice.
 */
export async function reserveIdempotencyKey(db: PrismaClient, tokenId: string, key: string, fingerprint: string, now = new Date()): Promise<Result<Reservation>> {
  if (!KEY_PATTERN.test(key)) return fail("invalid", "An Idempotency-Key is 1 to 255 visible ASCII characters, such as a UUID.");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await db.idempotencyKey.create({ data: { tokenId, key, requestHash: fingerprint, createdAt: now } });
      return ok({ kind: "run" });
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
    const stored = await db.idempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
    if (!stored) continue;
    if (now.getTime() - stored.createdAt.getTime() >= IDEMPOTENCY_TTL_MS) {
      await db.idempotencyKey.deleteMany({ where: { tokenId, key, createdAt: stored.createdAt } });
      continue;
    }
    if (stored.requestHash !== fingerprint) {
      return fail("conflict", "This Idempotency-Key was already used for a different request. Send a new key for a new request.");
    }
    if (stored.status === null || stored.body === null) {
      if (now.getTime() - stored.createdAt.getTime() < IDEMPOTENCY_RUNNING_LIMIT_MS) return fail("conflict", STILL_RUNNING);
      return fail(
        "conflict",
        `The request with this Idempotency-Key was stopped before it answered (it started at ${stored.createdAt.toISOString()}), ` +
          "so it may or may not have made its change. Check the project for it, then send the request again with a new key if it is still needed.",
      );
    }
    return ok({ kind: "replay", answer: { status: stored.status, body: stored.body } });
  }
  return fail("conflict", STILL_RUNNING);
}

/** Keeps the answer under the key, for retries in the next 24 hours. */
export async function storeIdempotentAnswer(db: PrismaClient, tokenId: string, key: string, answer: StoredAnswer): Promise<void> {
  await db.idempotencyKey.update({ where: { tokenId_key: { tokenId, key } }, data: answer });
}

/** Frees the key when the request failed unexpectedly, so a retry runs it again. */
export async function releaseIdempotencyKey(db: PrismaClient, tokenId: string, key: string): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { tokenId, key, status: null } });
}

/** Drops answers older than 24 hours; called now and then by the entry. */
export async function forgetOldIdempotencyKeys(db: PrismaClient, now = new Date()): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
}
