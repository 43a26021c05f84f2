import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { pgliteRunner } from "@/lib/db/sql-runner";
import { createPglite } from "@/lib/db/create-pglite";

const BEFORE = "20261125090000_draft_base_and_tree_hash";
const MIGRATION = "20261125100000_environment_settings";
let pglite: PGlite;

beforeAll(async () => {
  pglite = await createPglite();
});
afterAll(() => pglite.close());

it("numbers existing deployments by time and continues after them", async () => {
  const runner = pgliteRunner(pglite);
  await migrate(runner, MIGRATIONS_DIR, { through: BEFORE });
  await runner.exec(`
    INSERT INTO projects (id, slug, name) VALUES ('p', 'p', 'P');
    INSERT INTO versions (id, project_id, number, name, name_key, origin, author, file_count, total_size, tree_hash)
      VALUES ('v1', 'p', 1, '1', '1', 'manual', 'a', 0, 0, repeat('0', 64)), ('v2', 'p', 2, '2', '2', 'manual', 'a', 0, 0, repeat('1', 64));
    INSERT INTO environments (id, project_id, name, position, active_version_id) VALUES ('e', 'p', 'production', 0, 'v2');
    INSERT INTO deployments (id, environment_id, version_id, previous_version_id, kind, author, created_at) VALUES
      ('second', 'e', 'v2', 'v1', 'deploy', 'a', '2026-03-09 10:05:00+00'),
      ('first', 'e', 'v1', NULL, 'deploy', 'a', '2026-03-09 10:00:00+00');`);

  expect(await migrate(runner, MIGRATIONS_DIR, { through: MIGRATION })).toEqual([MIGRATION]);
  await runner.exec(`INSERT INTO deployments (id, environment_id, version_id, previous_version_id, kind, author) VALUES ('third', 'e', 'v1', 'v2', 'rollback', 'a')`);

  expect(await runner.query(`SELECT id, sequence::int, settings_fingerprint FROM deployments ORDER BY sequence`)).toEqual([
    { id: "first", sequence: 1, settings_fingerprint: null },
    { id: "second", sequence: 2, settings_fingerprint: null },
    { id: "third", sequence: 3, settings_fingerprint: null },
  ]);
  await expect(
    runner.exec(`INSERT INTO deployments (id, environment_id, version_id, previous_version_id, kind, author) VALUES ('same', 'e', 'v1', 'v1', 'deploy', 'a')`),
  ).rejects.toThrow(/deployments_changes_version_check/);
});
