import { LineCounter, parseDocument, type Document } from "yaml";
import { fail, ok, type Result } from "@/lib/result";
import type { FileMap } from "./file-map";
import {
  DEFAULT_RETRIES,
  DEFAULT_WORKFLOW_TIMEOUT_MS,
  INTEGRATION_CONFIG_PATH,
  MAX_WORKFLOW_TIMEOUT_MS,
  type EnvironmentConfig,
  type IntegrationConfig,
  type RetryPolicy,
  type WorkflowConfig,
} from "./integration-config";
import { parseDuration } from "./parse-duration";
import { parseSchedule, type Schedule } from "./parse-schedule";

type Path = Array<string | number>;
type Problems = Array<{ path: Path; message: string }>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Reads a version's integration.yaml into a checked, typed config. Every problem is reported
 * with its line (the `fields` of the error are keyed by the dotted path of the value).
 */
export function readIntegrationConfig(files: FileMap): Result<IntegrationConfig> {
  const text = files.get(INTEGRATION_CONFIG_PATH);
  if (text === undefined) return fail("invalid", `This version has no ${INTEGRATION_CONFIG_PATH}, so it has no workflows to run`);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const messages = doc.errors.map((error) => `line ${lines.linePos(error.pos[0]).line}: ${error.message.split("\n")[0]}`);
    return fail("invalid", `${INTEGRATION_CONFIG_PATH} is not valid YAML: ${messages.join("; ")}`);
  }
  const problems: Problems = [];
  const config = readConfig(doc.toJS() as unknown, files, problems);
  if (problems.length === 0) return ok(config);
  const fields: Record<string, string> = {};
  const described = problems.map(({ path, message }) => {
    const line = lineOf(doc, lines, path);
    const text = `${line ? `line ${line}: ` : ""}${path.length > 0 ? `${path.join(".")}: ` : ""}${message}`;
    fields[path.join(".")] ??= text;
    return text;
  });
  return fail("invalid", `${INTEGRATION_CONFIG_PATH} has ${plural(problems.length, "problem")}: ${described.join("; ")}`, fields);
}

function readConfig(raw: unknown, files: FileMap, problems: Problems): IntegrationConfig {
  const root = asRecord(raw, [], problems, "the file must be a mapping of keys such as workflows and retries") ?? {};
  const workflows = asRecord(root.workflows, ["workflows"], problems, "list the workflows under `workflows:`, each with an entry") ?? {};
  return {
    name: optionalString(root.name, ["name"], problems),
    description: optionalString(root.description, ["description"], problems),
    workflows: Object.entries(workflows).flatMap(([name, value]) => readWorkflow(name, value, files, problems) ?? []),
    retries: readRetries(root.retries, problems),
    connections: readConnections(root.connections, problems),
    environments: readEnvironments(root.environments, problems),
  };
}

function readWorkflow(name: string, raw: unknown, files: FileMap, problems: Problems): WorkflowConfig | undefined {
  const path = ["workflows", name];
  const workflow = asRecord(raw, path, problems, "a workflow needs at least `entry: <file>#<exported function>`");
  if (!workflow) return undefined;
  const entryText = typeof workflow.entry === "string" ? workflow.entry.trim() : "";
  const [file, exportName, ...rest] = entryText.split("#");
  let entry: WorkflowConfig["entry"] | undefined;
  if (!file || !exportName || rest.length > 0 || !IDENTIFIER.test(exportName)) {
    problems.push({ path: [...path, "entry"], message: "write the entry as <file>#<exported function>, e.g. workflows/order-sync.ts#syncOrders" });
  } else if (!files.has(file)) {
    problems.push({ path: [...path, "entry"], message: `there is no file ${file} in this version` });
  } else {
    entry = { path: file, exportName };
  }
  const schedule = readSchedule(workflow.schedule ?? "manual", [...path, "schedule"], problems);
  const timeoutMs = readTimeout(workflow.timeout, [...path, "timeout"], problems);
  return entry && schedule ? { name, entry, schedule, timeoutMs } : undefined;
}

function readSchedule(raw: unknown, path: Path, problems: Problems): Schedule | undefined {
  if (typeof raw !== "string") {
    problems.push({ path, message: 'write the schedule as text: "manual", "every 5 minutes" or a cron expression' });
    return undefined;
  }
  const parsed = parseSchedule(raw);
  if (parsed.ok) return parsed.schedule;
  problems.push({ path, message: parsed.message });
  return undefined;
}

function readTimeout(raw: unknown, path: Path, problems: Problems): number {
  if (raw === undefined) return DEFAULT_WORKFLOW_TIMEOUT_MS;
  const ms = typeof raw === "string" ? parseDuration(raw) : undefined;
  if (ms === undefined) {
    problems.push({ path, message: `"${String(raw)}" is not a duration: write it like 30s, 4m or 1h` });
  } else if (ms > MAX_WORKFLOW_TIMEOUT_MS) {
    problems.push({ path, message: `a run may last at most ${MAX_WORKFLOW_TIMEOUT_MS / 60_000} minutes` });
  } else {
    return ms;
  }
  return DEFAULT_WORKFLOW_TIMEOUT_MS;
}

function readRetries(raw: unknown, problems: Problems): RetryPolicy {
  if (raw === undefined) return DEFAULT_RETRIES;
  const retries = asRecord(raw, ["retries"], problems, "give maxAttempts, initialBackoffMs and maxBackoffMs") ?? {};
  const policy = { ...DEFAULT_RETRIES };
  for (const key of Object.keys(DEFAULT_RETRIES) as Array<keyof RetryPolicy>) {
    const value = retries[key];
    if (value === undefined) continue;
    if (typeof value === "number" && Number.isInteger(value) && value >= (key === "maxAttempts" ? 1 : 0)) policy[key] = value;
    else problems.push({ path: ["retries", key], message: `must be a whole number${key === "maxAttempts" ? " of 1 or more" : " of milliseconds"}` });
  }
  if (policy.initialBackoffMs > policy.maxBackoffMs) {
    problems.push({ path: ["retries", "maxBackoffMs"], message: "must not be smaller than initialBackoffMs" });
  }
  return policy;
}

function readConnections(raw: unknown, problems: Problems): IntegrationConfig["connections"] {
  const connections = asRecord(raw ?? {}, ["connections"], problems, "map each connection to its variables") ?? {};
  return Object.fromEntries(
    Object.entries(connections).map(([name, value]) => [name, readStrings(value, ["connections", name], problems)]),
  );
}

function readEnvironments(raw: unknown, problems: Problems): Record<string, EnvironmentConfig> {
  const environments = asRecord(raw ?? {}, ["environments"], problems, "map each environment to its values") ?? {};
  return Object.fromEntries(
    Object.entries(environments).map(([name, value]) => {
      const path = ["environments", name];
      const entries = asRecord(value ?? {}, path, problems, "map the environment's values, e.g. `shop.url: https://…`") ?? {};
      const environment: EnvironmentConfig = { values: {}, extra: {} };
      for (const [key, item] of Object.entries(entries)) {
        if (key === "schedule") environment.schedule = readSchedule(item, [...path, key], problems);
        else if (isScalar(item)) environment.values[key] = String(item);
        else environment.extra[key] = item;
      }
      return [name, environment];
    }),
  );
}

function readStrings(raw: unknown, path: Path, problems: Problems): Record<string, string> {
  const record = asRecord(raw, path, problems, "map variable names to values") ?? {};
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (isScalar(value)) strings[key] = String(value);
    else problems.push({ path: [...path, key], message: "must be a single value, not a list or mapping" });
  }
  return strings;
}

function optionalString(raw: unknown, path: Path, problems: Problems): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (isScalar(raw)) return String(raw);
  problems.push({ path, message: "must be text" });
  return undefined;
}

function asRecord(raw: unknown, path: Path, problems: Problems, hint: string): Record<string, unknown> | undefined {
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) return raw as Record<string, unknown>;
  problems.push({ path, message: `expected a mapping: ${hint}` });
  return undefined;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function lineOf(doc: Document, lines: LineCounter, path: Path): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
