/**
 * Realistic integration projects for the benchmarks: TypeScript workflows, JSON mappings and
 * YAML configuration in folders of a few dozen files, each file about `bytes` long and
 * different from every other (also between runs with different seeds), so neither the
 * database nor git can share contents that a real project would not share.
 */
export interface ProjectFile {
  path: string;
  content: string;
}

const TOP_FOLDERS = [
  { name: "workflows", extension: "ts" },
  { name: "mappings", extension: "json" },
  { name: "config", extension: "yaml" },
  { name: "lib", extension: "ts" },
] as const;
const DOMAINS = ["orders", "customers", "invoices", "shipments", "inventory", "payments", "returns", "catalog", "pricing", "suppliers"];
const VERBS = ["sync", "map", "fetch", "push", "merge", "validate", "enrich", "route", "retry", "reconcile", "split", "notify"];
const NOUNS = ["order", "customer", "invoice", "shipment", "line", "address", "payment", "refund", "sku", "warehouse", "carrier", "price", "tax", "discount", "contact"];
const FIELDS = ["id", "externalId", "status", "createdAt", "updatedAt", "total", "currency", "quantity", "email", "country", "postalCode", "reference", "notes", "channel", "priority"];
const FILES_PER_FOLDER = 40;

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same project. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]) => items[int(items.length)]!;
  return { int, pick };
}

type Random = ReturnType<typeof random>;

const camel = (...words: string[]) => words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
const pascal = (...words: string[]) => words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");

function typescriptChunk(rng: Random): string {
  const verb = rng.pick(VERBS);
  const noun = rng.pick(NOUNS);
  const other = rng.pick(NOUNS);
  const field = rng.pick(FIELDS);
  return `
/** ${pascal(verb)}s a ${noun} into the ${rng.pick(DOMAINS)} system; retries ${rng.int(5) + 1} times on 5xx. */
export async function ${camel(verb, noun, other)}${rng.int(1000)}(input: ${pascal(noun)}Input, ctx: WorkflowContext): Promise<${pascal(noun)}Result> {
  const ${other} = await ctx.http.get(\`/api/${other}s/\${input.${field}}\`, { timeoutMs: ${rng.int(9000) + 1000} });
  if (!${other}.ok) {
    ctx.log.warn("${noun} ${rng.int(100000)}: ${other} lookup failed", { status: ${other}.status });
    return { status: "${rng.pick(["skipped", "failed", "deferred"])}", reason: "${other}-unavailable" };
  }
  for (const line of input.lines ?? []) {
    if (line.${rng.pick(FIELDS)} === undefined) continue;
    line.${rng.pick(FIELDS)} = mapField(line.${rng.pick(FIELDS)}, "${rng.pick(FIELDS)}", ${rng.int(500)});
  }
  return { status: "${rng.pick(["synced", "queued", "merged"])}", ${field}: input.${field}, attempts: ${rng.int(7)} };
}
`;
}

function jsonChunk(rng: Random): string {
  const entries = Array.from({ length: 4 }, () => {
    const source = `${rng.pick(NOUNS)}.${rng.pick(FIELDS)}`;
    return `    { "source": "${source}", "target": "${rng.pick(DOMAINS)}.${camel(rng.pick(NOUNS), rng.pick(FIELDS))}", "transform": "${rng.pick(["trim", "upper", "iso-date", "cents", "none"])}", "default": ${rng.int(2) ? rng.int(10000) : "null"} }`;
  });
  return `  "${camel(rng.pick(VERBS), rng.pick(NOUNS))}${rng.int(10000)}": [\n${entries.join(",\n")}\n  ],\n`;
}

function yamlChunk(rng: Random): string {
  return `${camel(rng.pick(NOUNS), rng.pick(FIELDS))}${rng.int(10000)}:
  endpoint: https://${rng.pick(DOMAINS)}.example.com/v${rng.int(4) + 1}/${rng.pick(NOUNS)}s
  schedule: "*/${rng.int(55) + 5} * * * *"
  retry: { attempts: ${rng.int(6) + 1}, backoffMs: ${rng.int(5000) + 100} }
  fields: [${rng.pick(FIELDS)}, ${rng.pick(FIELDS)}, ${rng.pick(FIELDS)}]
  enabled: ${rng.int(2) ? "true" : "false"}
`;
}

function fileContent(path: string, extension: string, rng: Random, bytes: number): string {
  const chunk = extension === "ts" ? typescriptChunk : extension === "json" ? jsonChunk : yamlChunk;
  const [open, close] = extension === "json" ? ["{\n", `  "file": "${path}"\n}\n`] : [`# ${path}\n`, ""];
  const parts = [extension === "ts" ? `// ${path}\nimport type { WorkflowContext } from "../runtime";\n` : open];
  let length = parts[0]!.length + close.length;
  while (length < bytes) {
    const next = chunk(rng);
    parts.push(next);
    length += next.length;
  }
  parts.push(close);
  return parts.join("");
}

export function projectPath(index: number): { path: string; extension: string } {
  const folder = Math.floor(index / FILES_PER_FOLDER);
  const top = TOP_FOLDERS[folder % TOP_FOLDERS.length]!;
  const domain = DOMAINS[Math.floor(folder / TOP_FOLDERS.length) % DOMAINS.length]!;
  const series = Math.floor(folder / (TOP_FOLDERS.length * DOMAINS.length));
  const name = `${VERBS[index % VERBS.length]}-${NOUNS[index % NOUNS.length]}-${index}`;
  return { path: `${top.name}/${domain}${series ? `-${series}` : ""}/${name}.${top.extension}`, extension: top.extension };
}

/** `count` files of about `bytes` bytes each; a different seed gives different contents. */
export function generateProjectFiles(count: number, seed: number, bytes = 10_000): ProjectFile[] {
  return Array.from({ length: count }, (_, index) => {
    const { path, extension } = projectPath(index);
    return { path, content: fileContent(path, extension, random(seed * 1_000_003 + index), bytes) };
  });
}

/** The same file after a small edit, as a person makes between two versions. */
export function editedContent(content: string, edit: number): string {
  return content.replace(/\n/, `\n// edited ${edit}: adjusted the retry policy after incident ${1000 + edit}\n`);
}
