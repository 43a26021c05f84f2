import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BENCH_BOSS_SCHEMA, prismaExecuteSql, startPgBoss } from "./pg-boss-db";

// pg-boss on whichever database the tests run on: PGlite through its executeSql adapter, or the
// PostgreSQL server of TEST_DATABASE_URL through its own pool.
let database: Awaited<ReturnType<typeof createTestDb>>;
let boss: PgBoss;
const QUEUE = "runs";

beforeAll(async () => {
  database = await createTestDb();
  boss = await startPgBoss("pglite" in database ? { pglite: database.pglite as PGlite } : { connectionString: database.url });
  await boss.createQueue(QUEUE);
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await database?.close();
});

const jobCount = (db: PrismaClient, id: string) =>
  db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${BENCH_BOSS_SCHEMA}.job WHERE id = $1::uuid`, id).then((rows) => rows[0]!.n);

describe("pg-boss through the executeSql adapters", () => {
  it("sends, fetches and completes a job with its data", async () => {
    const id = await boss.send(QUEUE, { executionId: "e-1", note: "ä" });
    const [job] = await boss.fetch<{ executionId: string }>(QUEUE);
    expect(job).toMatchObject({ id, data: { executionId: "e-1", note: "ä" } });
    await boss.complete(QUEUE, job!.id);
    expect(await boss.getJobById(QUEUE, job!.id)).toMatchObject({ state: "completed" });
  });

  it("sends inside a Prisma transaction: the job is rolled back with it, or committed with it", async () => {
    const db = database.prisma;
    let sent: string | null = null;
    await expect(
      db.$transaction(async (tx) => {
        sent = await boss.send(QUEUE, { executionId: "rolled-back" }, { db: prismaExecuteSql(tx) });
        throw new Error("the execution row could not be written");
      }),
    ).rejects.toThrow("could not be written");
    expect(sent).toEqual(expect.any(String));
    expect(await jobCount(db, sent!)).toBe(0);

    const kept = await db.$transaction((tx) => boss.send(QUEUE, { executionId: "kept" }, { db: prismaExecuteSql(tx) }));
    expect(await jobCount(db, kept!)).toBe(1);
  });
});
