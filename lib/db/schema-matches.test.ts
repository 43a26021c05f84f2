import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDrift, readDatabaseShape, type DatabaseShape } from "./database-shape";
import { expectedShape } from "./expected-shape";
import { parsePrismaSchema } from "./prisma-schema";
import { createTestDb } from "./test-db";

// The migrations are hand-written SQL, so nothing but this test keeps them in step with
// schema.prisma, which is what Prisma Client's queries are generated from.

const SCHEMA_TEXT = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");

describe("the migrated database matches prisma/schema.prisma", () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let actual: DatabaseShape;

  beforeAll(async () => {
    db = await createTestDb();
    actual = await readDatabaseShape(db.prisma);
  });
  afterAll(() => db.close());

  it("has the same tables, columns, types, keys, indexes and foreign keys", () => {
    const models = parsePrismaSchema(SCHEMA_TEXT);
    expect(models.map((model) => model.table).sort()).toEqual([
      "access_tokens",
      "accounts",
      "audit_events",
      "blobs",
      "deployment_requests",
      "deployments",
      "draft_files",
      "draft_removed_paths",
      "environment_settings",
      "environments",
      "executions",
      "idempotency_keys",
      "project_invites",
      "project_members",
      "projects",
      "rate_limits",
      "request_approvals",
      "schedule_ticks",
      "sessions",
      "settings_revision_entries",
      "settings_revisions",
      "trees",
      "two_factors",
      "users",
      "verifications",
      "versions",
    ]);
    expect(describeDrift(expectedShape(models), actual)).toEqual([]);
  });

  it.each([
    {
      change: "a field the migrations lack",
      from: /^( +slug +String +@unique\n)/m,
      to: '$1  archivedAt DateTime? @map("archived_at") @db.Timestamptz(3)\n',
      drift: ['projects.archived_at (Project.archivedAt) is missing from the database'],
    },
    {
      change: "a different column type",
      from: /^( +totalSize +)BigInt/m,
      to: "$1Int",
      drift: ["versions.total_size (Version.totalSize): the database has bigint, schema.prisma says integer"],
    },
    {
      change: "a required field that the database allows to be null",
      from: /^( +activeVersionId +)String\?/m,
      to: "$1String",
      drift: [
        "environments.active_version_id (Environment.activeVersionId): nullable in the database, required in schema.prisma",
      ],
    },
    {
      change: "a different referential action",
      from: "references: [id], onDelete: Cascade)\n\n  @@unique([projectId, path])",
      to: "references: [id])\n\n  @@unique([projectId, path])",
      drift: [
        "draft_files: foreign key (project_id) → projects(id) on delete cascade on update cascade is in the database but not in schema.prisma",
        "draft_files: foreign key (project_id) → projects(id) on delete restrict on update cascade is in schema.prisma but missing from the database",
      ],
    },
    {
      change: "a dropped unique constraint",
      from: "  @@unique([projectId, number])\n",
      to: "",
      drift: ["versions: unique (project_id, number) is in the database but not in schema.prisma"],
    },
    {
      change: "an index over the columns in another order",
      from: "@@index([projectId, treeHash])",
      to: "@@index([treeHash, projectId])",
      drift: [
        "versions: index (project_id, tree_hash) is in the database but not in schema.prisma",
        "versions: index (tree_hash, project_id) is in schema.prisma but missing from the database",
      ],
    },
    {
      change: "an index of another method",
      from: '@@index([name(ops: raw("gin_trgm_ops"))], type: Gin)',
      to: "@@index([name])",
      drift: [
        "versions: index (name gin_trgm_ops) using gin is in the database but not in schema.prisma",
        "versions: index (name) is in schema.prisma but missing from the database",
      ],
    },
    {
      change: "an index with another operator class",
      from: '@@index([description(ops: raw("gin_trgm_ops"))], type: Gin)',
      to: '@@index([description(ops: raw("gin_bigm_ops"))], type: Gin)',
      drift: [
        "versions: index (description gin_trgm_ops) using gin is in the database but not in schema.prisma",
        "versions: index (description gin_bigm_ops) using gin is in schema.prisma but missing from the database",
      ],
    },
    {
      change: "a model without a table",
      from: '  @@map("deployments")\n}\n',
      to: '  @@map("deployments")\n}\n\nmodel AuditEntry {\n  id String @id\n\n  @@map("audit_entries")\n}\n',
      drift: ["table audit_entries is in schema.prisma but missing from the database"],
    },
    {
      change: "a different default",
      from: '@default("semver")',
      to: '@default("free")',
      drift: [
        "projects.naming_convention (Project.namingConvention): default is 'semver'::text in the database, 'free'::text in schema.prisma",
      ],
    },
  ])("reports $change", ({ from, to, drift }) => {
    const modified = SCHEMA_TEXT.replace(from, to);
    expect(modified, "the edit must apply to the schema text").not.toBe(SCHEMA_TEXT);
    expect(describeDrift(expectedShape(parsePrismaSchema(modified)), actual)).toEqual(drift);
  });
});
