import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR } from "./migrate";
import { pgliteRunner, type SqlRunner } from "./sql-runner";
import { createPglite } from "./create-pglite";

interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

describe("migrate", () => {
  let pglite: PGlite;
  let runner: SqlRunner;
  let tempDir: string | undefined;

  beforeEach(async () => {
    pglite = await createPglite();
    runner = pgliteRunner(pglite);
  });

  afterEach(async () => {
    await pglite.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
    tempDir = undefined;
  });

  async function createMigrationsDir(migrations: Record<string, string>) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "draftline-migrations-"));
    for (const [name, sql] of Object.entries(migrations)) await writeMigration(tempDir, name, sql);
    return tempDir;
  }

  function records() {
    return runner.query<MigrationRecord>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
  }

  async function tableExists(name: string) {
    const rows = await runner.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [name]);
    return rows[0]?.exists;
  }

  it("applies every migration of prisma/migrations once and records it as Prisma does", async () => {
    const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(names.length).toBeGreaterThan(0);

    expect(await migrate(runner)).toEqual(names);

    const expected = await Promise.all(
      names.map(async (name) => ({
        migration_name: name,
        checksum: sha256(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8")),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        applied_steps_count: 1,
      })),
    );
    expect(await records()).toEqual(expected);
    expect(await tableExists("projects")).toBe(true);
  });

  it("applies nothing when run again", async () => {
    await migrate(runner);
    const before = await records();

    expect(await migrate(runner)).toEqual([]);
    expect(await records()).toEqual(before);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const dir = await createMigrationsDir({ "001_widgets": 'CREATE TABLE "widgets" ("id" TEXT PRIMARY KEY);' });
    await migrate(runner, dir);

    await writeMigration(dir, "001_widgets", 'CREATE TABLE "widgets" ("id" TEXT PRIMARY KEY, "name" TEXT);');
    await writeMigration(dir, "002_gadgets", 'CREATE TABLE "gadgets" ("id" TEXT PRIMARY KEY);');

    await expect(migrate(runner, dir)).rejects.toThrow(
      "Migration 001_widgets was changed after it was applied. Add a new migration instead of editing an applied one.",
    );
    expect(await tableExists("gadgets")).toBe(false);
  });

  it("rolls a failing migration back entirely and does not record it", async () => {
    const dir = await createMigrationsDir({
      "001_widgets": 'CREATE TABLE "widgets" ("id" TEXT PRIMARY KEY);',
      "002_broken": [
        'CREATE TABLE "gadgets" ("id" TEXT PRIMARY KEY);',
        `INSERT INTO "widgets" ("id") VALUES ('w1');`,
        'ALTER TABLE "no_such_table" ADD COLUMN "size" INTEGER;',
      ].join("\n"),
    });

    await expect(migrate(runner, dir)).rejects.toThrow(/Migration 002_broken failed: .*no_such_table/);

    expect((await records()).map((record) => record.migration_name)).toEqual(["001_widgets"]);
    expect(await tableExists("widgets")).toBe(true);
    expect(await tableExists("gadgets")).toBe(false);
    expect(await runner.query('SELECT * FROM "widgets"')).toEqual([]);

    await writeMigration(dir, "002_broken", 'CREATE TABLE "gadgets" ("id" TEXT PRIMARY KEY);');
    expect(await migrate(runner, dir)).toEqual(["002_broken"]);
  });
});

async function writeMigration(dir: string, name: string, sql: string) {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

function sha256(text: string) {
  return createHash("sha256").update(text).digest("hex");
}
