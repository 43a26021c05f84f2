import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parsePrismaSchema, type SchemaColumn, type SchemaForeignKey, type SchemaModel } from "./prisma-schema";
import { createTestDb } from "./test-db";

// The migrations are hand-written SQL, so nothing but this test keeps them in step with
// schema.prisma, which is what Prisma Client's queries are generated from.

const SCHEMA_TEXT = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");

interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
  /** Where the column comes from, to make a message point at the schema line. */
  source?: string;
}

interface TableShape {
  columns: Map<string, ColumnShape>;
  primaryKey: string;
  uniques: Set<string>;
  indexes: Set<string>;
  foreignKeys: Set<string>;
}

type DatabaseShape = Map<string, TableShape>;

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
      "blobs",
      "deployments",
      "draft_files",
      "environment_settings",
      "environments",
      "projects",
      "trees",
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

function expectedShape(models: SchemaModel[]): DatabaseShape {
  return new Map(
    models.map((model) => [
      model.table,
      {
        columns: new Map(
          model.columns.map((column) => [
            column.column,
            {
              type: expectedColumnType(column),
              nullable: column.optional,
              default: expectedDefault(model.table, column),
              source: `${model.name}.${column.field}`,
            },
          ]),
        ),
        primaryKey: columnList(model.primaryKey),
        uniques: new Set(model.uniques.map(columnList)),
        indexes: new Set(model.indexes.map(columnList)),
        foreignKeys: new Set(model.foreignKeys.map(describeSchemaForeignKey)),
      },
    ]),
  );
}

/** Prisma Migrate's type for a field, in the spelling `readDatabaseShape` produces. */
function expectedColumnType(column: SchemaColumn): string {
  if (column.nativeType) {
    const { name, args } = column.nativeType;
    const [size] = args;
    // A bare @db.Timestamptz is PostgreSQL's own default precision, 6.
    const nativeTypes: Record<string, string> = {
      Text: "text",
      Char: `char(${size ?? 1})`,
      VarChar: size ? `varchar(${size})` : "varchar",
      Timestamptz: `timestamptz(${size ?? 6})`,
      Timestamp: `timestamp(${size ?? 6})`,
      Date: "date",
      Integer: "integer",
      BigInt: "bigint",
      JsonB: "jsonb",
    };
    return nativeTypes[name] ?? `unsupported native type @db.${name}`;
  }
  // Without @db.X, Prisma Migrate creates DateTime as TIMESTAMP(3), without time zone.
  const scalarTypes: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    DateTime: "timestamp(3)",
    Boolean: "boolean",
    Json: "jsonb",
    Float: "double precision",
    Bytes: "bytea",
  };
  return scalarTypes[column.type] ?? `unsupported type ${column.type}`;
}

/** The column default as PostgreSQL reports it, or null when the database has none. */
function expectedDefault(table: string, column: SchemaColumn): string | null {
  const value = column.default;
  if (value === undefined) return null;
  // Prisma Migrate makes an autoincrement() column a SERIAL/BIGSERIAL, named as PostgreSQL names it.
  if (value === "autoincrement()") return `nextval('${table}_${column.column}_seq'::regclass)`;
  // Prisma Client fills these in itself; the column has no default.
  if (/^(uuid|cuid|nanoid|ulid)\(/.test(value)) return null;
  if (value === "now()") return "CURRENT_TIMESTAMP";
  const generated = /^dbgenerated\("(.*)"\)$/.exec(value)?.[1];
  // PostgreSQL reports a sequence argument with its implicit cast spelled out.
  if (generated !== undefined) return generated.replace(/nextval\('([^']+)'\)/, "nextval('$1'::regclass)");
  if (value.startsWith('"')) {
    const type = expectedColumnType(column);
    const cast = type.startsWith("char") ? "bpchar" : type.startsWith("varchar") ? "character varying" : "text";
    return `'${(JSON.parse(value) as string).replaceAll("'", "''")}'::${cast}`;
  }
  return value;
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "cascade",
  Restrict: "restrict",
  NoAction: "no action",
  SetNull: "set null",
  SetDefault: "set default",
};

function describeSchemaForeignKey(foreignKey: SchemaForeignKey): string {
  // Prisma's defaults when the relation does not say: see "Referential actions" in its docs.
  const onDelete = foreignKey.onDelete ?? (foreignKey.optional ? "SetNull" : "Restrict");
  const onUpdate = foreignKey.onUpdate ?? "Cascade";
  return describeForeignKey(
    foreignKey.columns,
    foreignKey.referencedTable,
    foreignKey.referencedColumns,
    REFERENTIAL_ACTIONS[onDelete] ?? onDelete,
    REFERENTIAL_ACTIONS[onUpdate] ?? onUpdate,
  );
}

function describeForeignKey(
  columns: string[],
  referencedTable: string,
  referencedColumns: string[],
  onDelete: string,
  onUpdate: string,
): string {
  return `${columnList(columns)} → ${referencedTable}${columnList(referencedColumns)} on delete ${onDelete} on update ${onUpdate}`;
}

function columnList(columns: string[]): string {
  return `(${columns.join(", ")})`;
}

async function readDatabaseShape(prisma: PrismaClient): Promise<DatabaseShape> {
  const tables = await prisma.$queryRawUnsafe<Array<{ table_name: string }>>(`
    SELECT table_name::text FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`);
  const shape: DatabaseShape = new Map(
    tables.map(({ table_name }) => [
      table_name,
      { columns: new Map(), primaryKey: "()", uniques: new Set(), indexes: new Set(), foreignKeys: new Set() },
    ]),
  );

  const columns = await prisma.$queryRawUnsafe<
    Array<{
      table_name: string;
      column_name: string;
      data_type: string;
      length: number | null;
      precision: number | null;
      is_nullable: string;
      column_default: string | null;
    }>
  >(`
    SELECT table_name::text, column_name::text, data_type::text, is_nullable::text, column_default::text,
           character_maximum_length::int AS length, datetime_precision::int AS precision
    FROM information_schema.columns WHERE table_schema = current_schema()`);
  for (const column of columns) {
    shape.get(column.table_name)?.columns.set(column.column_name, {
      type: databaseColumnType(column.data_type, column.length, column.precision),
      nullable: column.is_nullable === "YES",
      default: column.column_default,
    });
  }

  // Unique constraints are backed by unique indexes, so the indexes cover both.
  const indexes = await prisma.$queryRawUnsafe<
    Array<{ table_name: string; columns: string; is_unique: boolean; is_primary: boolean }>
  >(`
    SELECT t.relname::text AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
           (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
              FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema()`);
  for (const index of indexes) {
    const table = shape.get(index.table_name);
    if (!table) continue;
    const indexColumns = columnList(index.columns.split(","));
    if (index.is_primary) table.primaryKey = indexColumns;
    else if (index.is_unique) table.uniques.add(indexColumns);
    else table.indexes.add(indexColumns);
  }

  const foreignKeys = await prisma.$queryRawUnsafe<
    Array<{
      table_name: string;
      columns: string;
      referenced_table: string;
      referenced_columns: string;
      on_delete: string;
      on_update: string;
    }>
  >(`
    SELECT t.relname::text AS table_name, rt.relname::text AS referenced_table,
           c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update,
           (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
              FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
           (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
              FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS referenced_columns
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_class rt ON rt.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema()`);
  const actionNames: Record<string, string> = {
    a: "no action",
    r: "restrict",
    c: "cascade",
    n: "set null",
    d: "set default",
  };
  for (const foreignKey of foreignKeys) {
    shape
      .get(foreignKey.table_name)
      ?.foreignKeys.add(
        describeForeignKey(
          foreignKey.columns.split(","),
          foreignKey.referenced_table,
          foreignKey.referenced_columns.split(","),
          actionNames[foreignKey.on_delete] ?? foreignKey.on_delete,
          actionNames[foreignKey.on_update] ?? foreignKey.on_update,
        ),
      );
  }
  return shape;
}

function databaseColumnType(dataType: string, length: number | null, precision: number | null): string {
  switch (dataType) {
    case "character":
      return `char(${length})`;
    case "character varying":
      return length === null ? "varchar" : `varchar(${length})`;
    case "timestamp with time zone":
      return `timestamptz(${precision})`;
    case "timestamp without time zone":
      return `timestamp(${precision})`;
    default:
      return dataType;
  }
}

/** Every difference between what schema.prisma describes and what the database has, one sentence each. */
function describeDrift(expected: DatabaseShape, actual: DatabaseShape): string[] {
  const drift: string[] = [];
  const tableNames = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  for (const tableName of tableNames) {
    const want = expected.get(tableName);
    const have = actual.get(tableName);
    if (!want) {
      drift.push(`table ${tableName} is in the database but no model maps to it`);
      continue;
    }
    if (!have) {
      drift.push(`table ${tableName} is in schema.prisma but missing from the database`);
      continue;
    }
    drift.push(...describeColumnDrift(tableName, want.columns, have.columns));
    if (want.primaryKey !== have.primaryKey) {
      drift.push(`${tableName}: primary key is ${have.primaryKey} in the database, ${want.primaryKey} in schema.prisma`);
    }
    drift.push(...describeSetDrift(`${tableName}: unique`, want.uniques, have.uniques));
    drift.push(...describeSetDrift(`${tableName}: index`, want.indexes, have.indexes));
    drift.push(...describeSetDrift(`${tableName}: foreign key`, want.foreignKeys, have.foreignKeys));
  }
  return drift;
}

function describeColumnDrift(
  tableName: string,
  expected: Map<string, ColumnShape>,
  actual: Map<string, ColumnShape>,
): string[] {
  const drift: string[] = [];
  for (const columnName of actual.keys()) {
    if (!expected.has(columnName)) drift.push(`${tableName}.${columnName} is in the database but not in schema.prisma`);
  }
  for (const [columnName, want] of expected) {
    const column = `${tableName}.${columnName} (${want.source})`;
    const have = actual.get(columnName);
    if (!have) {
      drift.push(`${column} is missing from the database`);
      continue;
    }
    if (have.type !== want.type) {
      drift.push(`${column}: the database has ${have.type}, schema.prisma says ${want.type}`);
    }
    if (have.nullable !== want.nullable) {
      drift.push(
        have.nullable
          ? `${column}: nullable in the database, required in schema.prisma`
          : `${column}: required in the database, optional in schema.prisma`,
      );
    }
    if (have.default !== want.default) {
      drift.push(`${column}: default is ${have.default ?? "none"} in the database, ${want.default ?? "none"} in schema.prisma`);
    }
  }
  return drift;
}

function describeSetDrift(what: string, expected: Set<string>, actual: Set<string>): string[] {
  return [
    ...[...actual].filter((item) => !expected.has(item)).map((item) => `${what} ${item} is in the database but not in schema.prisma`),
    ...[...expected].filter((item) => !actual.has(item)).map((item) => `${what} ${item} is in schema.prisma but missing from the database`),
  ];
}
