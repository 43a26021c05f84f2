import { describe, expect, it } from "vitest";
import { failure, setupTestDb, value } from "@/lib/testing/harness";
import { newUser } from "@/lib/testing/people";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { IDEMPOTENCY_RUNNING_LIMIT_MS, IDEMPOTENCY_TTL_MS, requestFingerprint, reserveIdempotencyKey, storeIdempotentAnswer } from "./idempotency";
import { consumeApiRateLimit } from "./rate-limit";

const test = setupTestDb();

async function newToken(): Promise<string> {
  const user = await newUser(test.db);
  return value(await createAccessToken(test.db, { ...user, isOwner: false }, { name: "t", projectId: null, expiresInDays: 7 })).accessToken.id;
}

describe("consumeApiRateLimit", () => {
  it("allows `limit` calls per token a minute, then says how long to wait, and starts again after the window", async () => {
    const tokenId = await newToken();
    const start = 1_800_000_000_000;
    for (let call = 0; call < 3; call++) expect(await consumeApiRateLimit(test.db, tokenId, 3, start + call * 1000)).toBeNull();
    expect(await consumeApiRateLimit(test.db, tokenId, 3, start + 20_000)).toBe(40);
    expect(await consumeApiRateLimit(test.db, await newToken(), 3, start + 20_000)).toBeNull();
    expect(await consumeApiRateLimit(test.db, tokenId, 3, start + 60_000)).toBeNull();
  });

  it("counts concurrent calls exactly: of ten at once with a limit of four, six are refused", async () => {
    const tokenId = await newToken();
    const now = Date.now();
    const answers = await Promise.all(Array.from({ length: 10 }, () => consumeApiRateLimit(test.db, tokenId, 4, now)));
    expect(answers.filter((answer) => answer === null)).toHaveLength(4);
  });
});

describe("idempotency keys", () => {
  it("runs a key's first request, replays its answer, refuses another request under it, and forgets it after 24 hours", async () => {
    const tokenId = await newToken();
    const print = requestFingerprint("POST", "/api/v1/x", "{}");
    const now = new Date();
    expect(value(await reserveIdempotencyKey(test.db, tokenId, "k1", print, now))).toEqual({ kind: "run" });
    expect(failure(await reserveIdempotencyKey(test.db, tokenId, "k1", print, now)).message).toContain("still running");
    await storeIdempotentAnswer(test.db, tokenId, "k1", { status: 201, body: '{"ok":1}' });
    expect(value(await reserveIdempotencyKey(test.db, tokenId, "k1", print, now))).toEqual({ kind: "replay", answer: { status: 201, body: '{"ok":1}' } });
    const other = requestFingerprint("POST", "/api/v1/x", '{"a":1}');
    expect(failure(await reserveIdempotencyKey(test.db, tokenId, "k1", other, now))).toMatchObject({ code: "conflict", message: expect.stringContaining("different request") });
    expect(value(await reserveIdempotencyKey(test.db, tokenId, "k1", other, new Date(now.getTime() + IDEMPOTENCY_TTL_MS)))).toEqual({ kind: "run" });
    expect(failure(await reserveIdempotencyKey(test.db, tokenId, "", print, now)).code).toBe("invalid");
  });

  it("says a request stopped before it answered was stopped, never runs it again under its key, and lets the key go after 24 hours", async () => {
    const tokenId = await newToken();
    const print = requestFingerprint("POST", "/api/v1/x", "{}");
    const start = new Date("2026-11-30T08:00:00.000Z");
    const after = (ms: number) => new Date(start.getTime() + ms);
    expect(value(await reserveIdempotencyKey(test.db, tokenId, "k2", print, start))).toEqual({ kind: "run" });
    // The server stopped here: no answer was stored and the key was not released.
    expect(failure(await reserveIdempotencyKey(test.db, tokenId, "k2", print, after(IDEMPOTENCY_RUNNING_LIMIT_MS - 1))).message).toContain("still running");
    const stopped = failure(await reserveIdempotencyKey(test.db, tokenId, "k2", print, after(IDEMPOTENCY_RUNNING_LIMIT_MS)));
    expect(stopped.code).toBe("conflict");
    expect(stopped.message).toContain("stopped before it answered (it started at 2026-11-30T08:00:00.000Z)");
    expect(stopped.message).toContain("new key");
    // Asking again changes nothing: the key stays taken until its 24 hours are over.
    expect(failure(await reserveIdempotencyKey(test.db, tokenId, "k2", print, after(IDEMPOTENCY_TTL_MS - 1))).message).toContain("stopped before it answered");
    expect(value(await reserveIdempotencyKey(test.db, tokenId, "k2", print, after(IDEMPOTENCY_TTL_MS)))).toEqual({ kind: "run" });
  });

  it("lets exactly one of concurrent requests with one key run", async () => {
    const tokenId = await newToken();
    const print = requestFingerprint("POST", "/api/v1/x", "{}");
    const results = await Promise.all(Array.from({ length: 5 }, () => reserveIdempotencyKey(test.db, tokenId, "same", print)));
    expect(results.filter((result) => result.ok && result.value.kind === "run")).toHaveLength(1);
  });
});
