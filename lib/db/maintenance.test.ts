import { randomBytes } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { revisionOf, save } from "@/lib/testing/draft-helpers";
import { newProject, value } from "@/lib/testing/harness";
import { openEmbedded } from "./connect";
import { scheduleMaintenance, vacuumChurnedTables } from "./maintenance";

// Always PGlite, also under TEST_DATABASE_URL: the maintenance exists only for the embedded database.
let embedded: Awaited<ReturnType<typeof openEmbedded>>;
beforeAll(async () => {
  embedded = await openEmbedded();
});
afterAll(() => embedded?.close());

/** About 100 KB that does not compress away, like a real file. */
const bigContent = () => randomBytes(50_000).toString("hex");

/** Dead rows of draft_files and of its TOAST table, where big contents live, and their size. */
async function draftFilesStats() {
  await embedded.pglite.query("SELECT pg_stat_force_next_flush()");
  const { rows } = await embedded.pglite.query<{ dead: number; toastDead: number; bytes: number; vacuums: number }>(
    `SELECT s.n_dead_tup::int AS dead, t.n_dead_tup::int AS "toastDead",
            pg_total_relation_size(s.relid)::int AS bytes, s.vacuum_count::int AS vacuums
     FROM pg_stat_user_tables s
     JOIN pg_class c ON c.oid = s.relid
     JOIN pg_stat_all_tables t ON t.relid = c.reltoastrelid
     WHERE s.relname = 'draft_files'`,
  );
  return rows[0]!;
}

describe("embedded database maintenance", () => {
  it("has statistics for every table as soon as it opens", async () => {
    const { rows } = await embedded.pglite.query<{ relname: string; last_analyze: Date | null; reltuples: number }>(
      `SELECT s.relname, s.last_analyze, c.reltuples
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid`,
    );
    expect(rows.map((row) => row.relname)).toContain("draft_files");
    for (const row of rows) {
      expect(row.last_analyze, row.relname).not.toBeNull();
      // -1 means "never analyzed or vacuumed": the planner would guess instead.
      expect(row.reltuples, row.relname).toBeGreaterThanOrEqual(0);
    }
  });

  it("reclaims the dead rows autosaves leave in draft_files", async () => {
    const projectId = await newProject(embedded.prisma, { "big.json": bigContent() });
    for (let i = 0; i < 200; i++) await save(embedded.prisma, projectId, "big.json", bigContent());
    const before = await draftFilesStats();
    expect(before.toastDead).toBeGreaterThanOrEqual(200);

    expect(await vacuumChurnedTables(embedded.pglite)).toContain("public.draft_files");
    expect(await draftFilesStats()).toMatchObject({ dead: 0, toastDead: 0 });
    // Nothing has churned since: the next run has nothing to do.
    expect(await vacuumChurnedTables(embedded.pglite)).toEqual([]);

    // With maintenance between bursts of saves, the table reuses the space it freed.
    const sizes: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 60; i++) await save(embedded.prisma, projectId, "big.json", bigContent());
      await vacuumChurnedTables(embedded.pglite);
      sizes.push((await draftFilesStats()).bytes);
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(before.bytes);
    expect(sizes.at(-1)).toBeLessThanOrEqual(sizes[0]! * 1.1);
  }, 90_000);

  it("never runs a VACUUM inside a transaction that is in flight", async () => {
    const paths = ["a.json", "b.json", "c.json", "d.json"];
    const projectId = await newProject(embedded.prisma, Object.fromEntries(paths.map((path) => [path, "{}"])));
    for (let i = 0; i < 60; i++) await save(embedded.prisma, projectId, "a.json", `{"n": ${i}}`);

    const events: string[] = [];
    let entered!: () => void;
    const firstIsOpen = new Promise<void>((resolve) => (entered = resolve));
    const transactions = paths.map((path, i) =>
      embedded.prisma.$transaction(async (tx) => {
        if (i === 0) entered();
        // Hold the transaction open across the VACUUM request, then write.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const baseRevision = await revisionOf(tx as typeof embedded.prisma, projectId, path);
        value(await saveDraftFile(tx, { projectId, path, content: `"saved in a transaction"`, baseRevision }));
        events.push(`commit ${path}`);
      }),
    );
    await firstIsOpen;
    const vacuum = vacuumChurnedTables(embedded.pglite).then((tables) => {
      events.push("vacuum done");
      return tables;
    });

    // Postgres itself refuses a VACUUM inside a transaction block, and the transaction would
    // then fail to commit: both settling successfully shows they took turns.
    const [vacuumed] = await Promise.all([vacuum, ...transactions]);
    expect(vacuumed).toContain("public.draft_files");
    expect(events.indexOf("commit a.json")).toBeLessThan(events.indexOf("vacuum done"));
    const saved = await embedded.prisma.draftFile.findMany({ where: { projectId }, select: { content: true } });
    expect(saved.map((file) => file.content)).toEqual(paths.map(() => `"saved in a transaction"`));
  });

  it("vacuums on its timer and stops before the database closes", async () => {
    const projectId = await newProject(embedded.prisma, { "timer.json": "{}" });
    for (let i = 0; i < 60; i++) await save(embedded.prisma, projectId, "timer.json", `{"n": ${i}}`);
    const { vacuums } = await draftFilesStats();

    const schedule = scheduleMaintenance(embedded.pglite, 10);
    await vi.waitFor(async () => expect((await draftFilesStats()).vacuums).toBeGreaterThan(vacuums), { timeout: 10_000 });
    await schedule.stop();
  });

  it("logs a failed run instead of throwing, and tries again", async () => {
    const closed = { query: () => Promise.reject(new Error("PGlite is closed")) } as unknown as PGlite;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const schedule = scheduleMaintenance(closed, 5);
      await vi.waitFor(() => expect(warn.mock.calls.length).toBeGreaterThanOrEqual(2));
      await schedule.stop();
    } finally {
      warn.mockRestore();
    }
  });
});
