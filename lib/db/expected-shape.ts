import { columnList, describeForeignKey, describeIndex, type DatabaseShape } from "./database-shape";
import type { SchemaColumn, SchemaForeignKey, SchemaModel } from "./prisma-schema";

/** The database shape that Prisma Migrate would create for the models of schema.prisma. */
export function expectedShape(models: SchemaModel[]): DatabaseShape {
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
        indexes: new Set(
          model.indexes.map((index) =>
            describeIndex(
              index.columns.map((column, position) => [column, index.operatorClasses[position]].filter(Boolean).join(" ")),
              index.method,
            ),
          ),
        ),
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
