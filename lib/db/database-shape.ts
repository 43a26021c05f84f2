import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A database's tables as the schema-drift test compares them: columns with their types,
 * nullability and defaults, the primary key, uniques, indexes and foreign keys, all in one
 * spelling whether read from PostgreSQL's catalogs or derived from schema.prisma.
 */
export interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
  /** Where the column comes from, to make a message point at the schema line. */
  source?: string;
}

export interface TableShape {
  columns: Map<string, ColumnShape>;
  primaryKey: string;
  uniques: Set<string>;
  indexes: Set<string>;
  foreignKeys: Set<string>;
}

export type DatabaseShape = Map<string, TableShape>;

export function describeForeignKey(
  columns: string[],
  referencedTable: string,
  referencedColumns: string[],
  onDelete: string,
  onUpdate: string,
): string {
  return `${columnList(columns)} → ${referencedTable}${columnList(referencedColumns)} on delete ${onDelete} on update ${onUpdate}`;
}

export function columnList(columns: string[]): string {
  return `(${columns.join(", ")})`;
}

/** `(project_id, tree_hash)` for a B-tree, `(name gin_trgm_ops) using gin` for another method. */
export function describeIndex(columns: string[], method: string): string {
  return method === "btree" ? columnList(columns) : `${columnList(columns)} using ${method}`;
}

/** The shape of the connected database's tables (except `_prisma_migrations`), read from its catalogs. */
export async function readDatabaseShape(prisma: PrismaClient): Promise<DatabaseShape> {
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

  // Unique constraints are backed by unique indexes, so the indexes cover both. A column keeps
  // its operator class when it is not its type's default (`name gin_trgm_ops`).
  const indexes = await prisma.$queryRawUnsafe<
    Array<{ table_name: string; columns: string; method: string; is_unique: boolean; is_primary: boolean }>
  >(`
    SELECT t.relname::text AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary, am.amname::text AS method,
           (SELECT string_agg(a.attname::text || CASE WHEN oc.opcdefault THEN '' ELSE ' ' || oc.opcname::text END, ',' ORDER BY k.ord)
              FROM unnest(ix.indkey::int2[], ix.indclass::oid[]) WITH ORDINALITY AS k(attnum, opclass, ord)
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
              JOIN pg_opclass oc ON oc.oid = k.opclass) AS columns
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_am am ON am.oid = i.relam
    JOIN pg_namespace n ON n.oid = t.relnamespace
    -- A partial index (users_single_owner) is a rule schema.prisma cannot state; the migration owns it.
    WHERE n.nspname = current_schema() AND ix.indpred IS NULL`);
  for (const index of indexes) {
    const table = shape.get(index.table_name);
    if (!table) continue;
    const indexColumns = columnList(index.columns.split(","));
    if (index.is_primary) table.primaryKey = indexColumns;
    else if (index.is_unique) table.uniques.add(indexColumns);
    else table.indexes.add(describeIndex(index.columns.split(","), index.method));
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
export function describeDrift(expected: DatabaseShape, actual: DatabaseShape): string[] {
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
