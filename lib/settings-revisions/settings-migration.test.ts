import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPglite } from "@/lib/db/create-pglite";
import { migrate, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { pgliteRunner } from "@/lib/db/sql-runner";

const BEFORE = "20261129130300_executions";
const MIGRATION = "20261129140000_settings_revisions";
let pglite: PGlite;

beforeAll(async () => {
  pglite = await createPglite();
});
afterAll(() => pglite.close());

it("turns each environment's existing settings into its revision 1", async () => {
  const runner = pgliteRunner(pglite);
  await migrate(runner, MIGRATIONS_DIR, { through: BEFORE });
  const hash = (digit: string) => digit.repeat(64);
  await runner.exec(`
    INSERT INTO projects (id, slug, name) VALUES ('p', 'p', 'P');
    INSERT INTO environments (id, project_id, name, position) VALUES ('prod', 'p', 'production', 2), ('stage', 'p', 'staging', 1), ('dev', 'p', 'development', 0);
    INSERT INTO environment_settings (id, environment_id, key, is_secret, value, encrypted_value, value_hash) VALUES
      ('s1', 'prod', 'ERP_URL', false, 'https://erp.example.com', NULL, '${hash("1")}'),
      ('s2', 'prod', 'ERP_API_TOKEN', true, NULL, 'v1.iv.tag.cipher', '${hash("2")}'),
      ('s3', 'stage', 'ERP_URL', false, 'https://staging.example.com', NULL, '${hash("3")}');`);

  expect(await migrate(runner, MIGRATIONS_DIR, { through: MIGRATION })).toEqual([MIGRATION]);

  expect(await runner.query(`SELECT id, settings_revision FROM environments ORDER BY id`)).toEqual([
    { id: "dev", settings_revision: 1 },
    { id: "prod", settings_revision: 1 },
    { id: "stage", settings_revision: 1 },
  ]);
  expect(
    await runner.query(`
      SELECT r.environment_id, r.number, r.author_id, e.key, e.is_secret, e.value, e.encrypted_value, e.value_hash
      FROM settings_revisions r LEFT JOIN settings_revision_entries e ON e.revision_id = r.id ORDER BY r.environment_id, e.key`),
  ).toEqual([
    { environment_id: "dev", number: 1, author_id: null, key: null, is_secret: null, value: null, encrypted_value: null, value_hash: null },
    { environment_id: "prod", number: 1, author_id: null, key: "ERP_API_TOKEN", is_secret: true, value: null, encrypted_value: "v1.iv.tag.cipher", value_hash: hash("2") },
    { environment_id: "prod", number: 1, author_id: null, key: "ERP_URL", is_secret: false, value: "https://erp.example.com", encrypted_value: null, value_hash: hash("1") },
    { environment_id: "stage", number: 1, author_id: null, key: "ERP_URL", is_secret: false, value: "https://staging.example.com", encrypted_value: null, value_hash: hash("3") },
  ]);
  // The current state stays where other code reads it.
  expect(await runner.query(`SELECT count(*)::int AS n FROM environment_settings`)).toEqual([{ n: 3 }]);
});
