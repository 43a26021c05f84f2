import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb } from "./test-db";

/**
 * On a PostgreSQL server an instance listens on one dedicated connection: when it drops (a
 * server restart, a proxy's idle timeout, an administrator) the instance must listen again by
 * itself and tell its waiters to read again, or open workspaces would fall back to timeouts.
 */
const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("listening on a PostgreSQL server", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let admin: pg.Client;
  beforeAll(async () => {
    testDb = await createTestDb();
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await testDb?.close();
  });

  const listeners = () => admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN draft_tests'");
  const notify = (payload: string) => testDb.prisma.$executeRaw`SELECT pg_notify('draft_tests', ${payload})`;

  it("hears notifications, listens again after its connection is killed, and resyncs", async () => {
    const heard: string[] = [];
    let resyncs = 0;
    const stop = await testDb.listen("draft_tests", { onNotify: (payload) => heard.push(payload), onResync: () => (resyncs += 1) });
    expect(resyncs).toBe(1);
    await notify("before");
    await vi.waitFor(() => expect(heard).toEqual(["before"]));

    const [listener] = (await listeners()).rows;
    expect(listener).toBeDefined();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await admin.query("SELECT pg_terminate_backend($1)", [listener?.pid]);
    await vi.waitFor(() => expect(resyncs).toBe(2), { timeout: 10_000 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("reconnecting"));
    warn.mockRestore();
    const [again] = (await listeners()).rows;
    expect(again?.pid).not.toBe(listener?.pid);

    await notify("after");
    await vi.waitFor(() => expect(heard).toEqual(["before", "after"]));

    await stop();
    await vi.waitFor(async () => expect((await listeners()).rows).toEqual([]));
  });
});
