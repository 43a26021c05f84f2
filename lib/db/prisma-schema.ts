/**
 * A reader for the subset of the Prisma schema language that prisma/schema.prisma uses:
 * models with scalar and relation fields, field attributes (@id, @unique, @default, @map,
 * @db.X, @relation) and block attributes (@@map, @@id, @@unique, @@index). Everything is
 * resolved to table and column names, so the result can be compared with the database.
 */

export interface SchemaColumn {
  field: string;
  column: string;
  /** The Prisma scalar type: String, Int, BigInt, DateTime, Boolean, Json… */
  type: string;
  optional: boolean;
  /** `@db.Char(64)` → `{ name: "Char", args: ["64"] }` */
  nativeType?: { name: string; args: string[] };
  /** The raw argument of `@default(...)`, e.g. `now()`, `"semver"`, `0`. */
  default?: string;
}

export interface SchemaForeignKey {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  optional: boolean;
  /** As written in `onDelete:` / `onUpdate:`, e.g. `Cascade`; undefined means Prisma's default. */
  onDelete?: string;
  onUpdate?: string;
}

export interface SchemaIndex {
  columns: string[];
  /** Per column, the operator class of `ops: raw("…")`, or undefined for the type's default. */
  operatorClasses: Array<string | undefined>;
  /** PostgreSQL's name of the index method: `btree` unless `type:` says otherwise. */
  method: string;
}

export interface SchemaModel {
  name: string;
  table: string;
  columns: SchemaColumn[];
  primaryKey: string[];
  uniques: string[][];
  indexes: SchemaIndex[];
  foreignKeys: SchemaForeignKey[];
}

interface Attribute {
  name: string;
  /** The text between the parentheses, or undefined when the attribute has none. */
  args?: string;
}

interface RawField {
  name: string;
  type: string;
  optional: boolean;
  attributes: Attribute[];
}

interface RawModel {
  name: string;
  fields: RawField[];
  blockAttributes: Attribute[];
}

export function parsePrismaSchema(text: string): SchemaModel[] {
  const rawModels = readModels(text);
  const modelNames = new Set(rawModels.map((model) => model.name));
  const isRelation = (field: RawField) =>
    modelNames.has(field.type) || field.attributes.some((attribute) => attribute.name === "relation");
  const columnNameOf = (model: RawModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`Model ${model.name} has no field ${fieldName}`);
    return mappedName(field.attributes) ?? field.name;
  };
  const tableNameOf = (model: RawModel) => mappedName(model.blockAttributes) ?? model.name;

  return rawModels.map((model) => {
    const scalarFields = model.fields.filter((field) => !isRelation(field));
    const columns = scalarFields.map((field) => toColumn(field));
    const fieldListColumns = (args: string | undefined) => listArgument(args).map((name) => columnNameOf(model, name));

    const primaryKeyAttribute = model.blockAttributes.find((attribute) => attribute.name === "id");
    const primaryKey = primaryKeyAttribute
      ? fieldListColumns(primaryKeyAttribute.args)
      : columns.filter((_, index) => hasAttribute(scalarFields[index]!, "id")).map((column) => column.column);

    const uniques = [
      ...columns.filter((_, index) => hasAttribute(scalarFields[index]!, "unique")).map((column) => [column.column]),
      ...blockAttributeLists(model, "unique").map(fieldListColumns),
    ];
    const indexes = blockAttributeLists(model, "index").map(
      (args): SchemaIndex => ({
        columns: fieldListColumns(args),
        operatorClasses: listItemOptions(args).map((options) => operatorClass(namedArgument(options, "ops"))),
        method: (namedArgument(args, "type") ?? "BTree").toLowerCase(),
      }),
    );

    const foreignKeys = model.fields.flatMap((field): SchemaForeignKey[] => {
      const relation = field.attributes.find((attribute) => attribute.name === "relation");
      const fields = namedListArgument(relation?.args, "fields");
      if (!relation || fields.length === 0) return [];
      const target = rawModels.find((candidate) => candidate.name === field.type);
      if (!target) throw new Error(`Relation ${model.name}.${field.name} points to unknown model ${field.type}`);
      return [
        {
          columns: fields.map((name) => columnNameOf(model, name)),
          referencedTable: tableNameOf(target),
          referencedColumns: namedListArgument(relation.args, "references").map((name) => columnNameOf(target, name)),
          optional: field.optional,
          onDelete: namedArgument(relation.args, "onDelete"),
          onUpdate: namedArgument(relation.args, "onUpdate"),
        },
      ];
    });

    return { name: model.name, table: tableNameOf(model), columns, primaryKey, uniques, indexes, foreignKeys };
  });
}

function toColumn(field: RawField): SchemaColumn {
  const column: SchemaColumn = {
    field: field.name,
    column: mappedName(field.attributes) ?? field.name,
    type: field.type,
    optional: field.optional,
  };
  const nativeType = field.attributes.find((attribute) => attribute.name.startsWith("db."));
  if (nativeType) {
    column.nativeType = {
      name: nativeType.name.slice("db.".length),
      args: splitArguments(nativeType.args ?? ""),
    };
  }
  const defaultValue = field.attributes.find((attribute) => attribute.name === "default");
  if (defaultValue?.args !== undefined) column.default = defaultValue.args.trim();
  return column;
}

function readModels(text: string): RawModel[] {
  const models: RawModel[] = [];
  let current: RawModel | undefined;
  let insideOtherBlock = false;

  for (const rawLine of text.split(/\r?\n/)) {
    const line = stripComment(rawLine).trim();
    if (line === "") continue;

    const blockStart = /^(\w+)\s+(\w+)\s*\{$/.exec(line);
    if (blockStart) {
      if (blockStart[1] === "model") {
        current = { name: blockStart[2]!, fields: [], blockAttributes: [] };
        models.push(current);
      } else {
        insideOtherBlock = true; // generator, datasource: nothing to do with tables
      }
      continue;
    }
    if (line === "}") {
      current = undefined;
      insideOtherBlock = false;
      continue;
    }
    if (insideOtherBlock) continue;
    if (!current) throw new Error(`Unexpected line outside a block: ${line}`);

    if (line.startsWith("@@")) {
      current.blockAttributes.push(...readAttributes(line.slice(1)));
      continue;
    }
    const field = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
    if (!field) throw new Error(`Cannot read the line "${line}" in model ${current.name}`);
    current.fields.push({
      name: field[1]!,
      type: field[2]!,
      optional: field[4] !== undefined,
      attributes: readAttributes(field[5]!),
    });
  }
  return models;
}

/** Reads `@name`, `@name(args)`, `@db.Char(64)`… where args may nest parentheses and quote strings. */
function readAttributes(text: string): Attribute[] {
  const attributes: Attribute[] = [];
  let position = 0;
  while (position < text.length) {
    if (text[position] !== "@") {
      position++;
      continue;
    }
    const name = /^[\w.]+/.exec(text.slice(position + 1))?.[0] ?? "";
    position += 1 + name.length;
    if (text[position] !== "(") {
      attributes.push({ name });
      continue;
    }
    const end = findClosingParenthesis(text, position);
    attributes.push({ name, args: text.slice(position + 1, end) });
    position = end + 1;
  }
  return attributes;
}

function findClosingParenthesis(text: string, openAt: number): number {
  let depth = 0;
  let inString = false;
  for (let index = openAt; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return index;
  }
  throw new Error(`Unbalanced parentheses in "${text}"`);
}

function stripComment(line: string): string {
  let inString = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "/" && line[index + 1] === "/") return line.slice(0, index);
  }
  return line;
}

/** Splits top-level comma-separated arguments, ignoring commas inside brackets or strings. */
function splitArguments(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let index = 0; index < args.length; index++) {
    const char = args[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "(" || char === "[") depth++;
    else if (char === ")" || char === "]") depth--;
    else if (char === "," && depth === 0) {
      parts.push(args.slice(start, index).trim());
      start = index + 1;
    }
  }
  const last = args.slice(start).trim();
  if (last !== "") parts.push(last);
  return parts;
}

function namedArgument(args: string | undefined, name: string): string | undefined {
  const prefix = `${name}:`;
  const argument = splitArguments(args ?? "").find((part) => part.startsWith(prefix));
  return argument?.slice(prefix.length).trim();
}

function namedListArgument(args: string | undefined, name: string): string[] {
  return parseList(namedArgument(args, name));
}

/** The field list of `@@unique([a, b])` or `@@unique(fields: [a, b], name: "x")`. */
function listArgument(args: string | undefined): string[] {
  return parseList(fieldList(args));
}

/** Per field of that list, the text between its parentheses: `name(ops: raw("x"))` → `ops: raw("x")`. */
function listItemOptions(args: string | undefined): Array<string | undefined> {
  return listItems(fieldList(args)).map((item) => /\((.*)\)$/.exec(item)?.[1]);
}

function fieldList(args: string | undefined): string | undefined {
  const first = splitArguments(args ?? "")[0];
  return first?.startsWith("fields:") ? first.slice("fields:".length).trim() : first;
}

function parseList(list: string | undefined): string[] {
  // Drops sort, length and operator class options: `createdAt(sort: Desc)` → `createdAt`.
  return listItems(list).map((item) => item.replace(/\(.*\)$/, "").trim());
}

function listItems(list: string | undefined): string[] {
  return list?.startsWith("[") ? splitArguments(list.slice(1, -1)) : [];
}

/** `raw("gin_trgm_ops")` → `gin_trgm_ops`. */
function operatorClass(ops: string | undefined): string | undefined {
  if (ops === undefined) return undefined;
  const raw = /^raw\((".*")\)$/.exec(ops)?.[1];
  if (!raw) throw new Error(`Only ops: raw("…") is read here, not ops: ${ops}`);
  return JSON.parse(raw) as string;
}

function mappedName(attributes: Attribute[]): string | undefined {
  const map = attributes.find((attribute) => attribute.name === "map");
  if (!map?.args) return undefined;
  const value = namedArgument(map.args, "name") ?? splitArguments(map.args)[0];
  return value ? JSON.parse(value) : undefined;
}

function hasAttribute(field: RawField, name: string): boolean {
  return field.attributes.some((attribute) => attribute.name === name);
}

function blockAttributeLists(model: RawModel, name: string): Array<string | undefined> {
  return model.blockAttributes.filter((attribute) => attribute.name === name).map((attribute) => attribute.args);
}
