// `draftline`: Draftline's API from the command line (npm run cli -- <command>, or the bin).
// Every command takes --json (the API's answer, for scripts) and exits 1 with a message on failure.
import { createWriteStream } from "node:fs";
import { stdin, stdout, stderr } from "node:process";
import { createInterface } from "node:readline/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { Command, Option } from "commander";
import { ApiClient } from "./client";
import { forgetLogin, loadLogin, normalizeServer, saveLogin } from "./config";
import { CliError } from "./errors";
import { pull, push, readState, status, type Progress } from "./sync";

interface Version {
  id: string;
  number: number;
  name: string;
  description: string;
  author: string;
  createdAt: string;
}
interface VersionRef {
  id: string;
  number: number;
  name: string;
}
interface Environment {
  id: string;
  name: string;
  requiredApprovals: number;
  activeVersion: VersionRef | null;
  rollbackTarget: VersionRef | null;
}
interface Change {
  outcome: "deployed" | "requested";
  environment: { name: string };
  version: VersionRef;
  requestId?: string;
  requiredApprovals?: number;
}

const program = new Command("draftline")
  .description("Versions, environments and deployments of Draftline projects, from the command line.")
  .option("--json", "print the result as JSON")
  .showHelpAfterError();

const json = () => program.opts<{ json?: boolean }>().json === true;
const client = async () => new ApiClient(await loadLogin());
const label = (version: VersionRef) => `#${version.number} ${version.name}`;
const projectPath = (project: string) => `/projects/${encodeURIComponent(project)}`;

/** The result as JSON with --json, else the lines for a person. */
function print(result: unknown, lines: () => string | string[]) {
  if (json()) stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const text = lines();
    const joined = Array.isArray(text) ? text.join("\n") : text;
    if (joined) stdout.write(`${joined}\n`);
  }
}

/** Progress of long pulls and pushes on stderr, a line every tenth (none with --json). */
const progress: Progress = (verb, done, total) => {
  if (json() || total < 20) return;
  if (done === total || done % Math.ceil(total / 10) === 0) stderr.write(`${verb} ${done}/${total} files\n`);
};

/** The project a command acts on: --project, else the one pulled into --dir (the current folder). */
async function projectOf(options: { project?: string; dir?: string }): Promise<string> {
  if (options.project) return options.project;
  const state = await readState(options.dir ?? ".");
  if (state) return state.project;
  throw new CliError("Which project? Pass --project <slug>, or run this in a folder made by `draftline pull`.");
}

const projectOption = () => new Option("-p, --project <slug>", "the project (default: the one pulled into the current folder)");

async function environmentNamed(api: ApiClient, project: string, name: string): Promise<Environment> {
  const { environments } = await api.json<{ environments: Environment[] }>("GET", `${projectPath(project)}/environments`);
  const environment = environments.find((candidate) => candidate.name === name);
  if (!environment) throw new CliError(`There is no environment "${name}" in ${project}: it has ${environments.map((candidate) => candidate.name).join(", ")}.`, "not_found");
  return environment;
}

/** A version by number (`12` or `#12`), id, or exact name. */
async function resolveVersion(api: ApiClient, project: string, ref: string): Promise<Version> {
  const number = /^#?(\d+)$/.exec(ref)?.[1];
  if (number) {
    const page = await api.json<{ items: Version[] }>("GET", `${projectPath(project)}/versions`, { query: { before: Number(number) + 1, limit: 1 } });
    if (page.items[0]?.number === Number(number)) return page.items[0];
    throw new CliError(`There is no version #${number} in ${project}.`, "not_found");
  }
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) {
    return api.json<Version>("GET", `${projectPath(project)}/versions/${ref}`);
  }
  const page = await api.json<{ items: Version[] }>("GET", `${projectPath(project)}/versions`, { query: { search: ref, limit: 100 } });
  const named = page.items.find((version) => version.name === ref);
  if (!named) throw new CliError(`There is no version named "${ref}" in ${project}.`, "not_found");
  return named;
}

function describeChange(change: Change): string {
  if (change.outcome === "deployed") return `Deployed ${label(change.version)} to ${change.environment.name}.`;
  return `${change.environment.name} is protected: request ${change.requestId} for ${label(change.version)} waits for ${change.requiredApprovals} approval${change.requiredApprovals === 1 ? "" : "s"}.`;
}

program
  .command("login")
  .description("store the server and a personal access token (made in the account page) for the next commands")
  .requiredOption("-s, --server <url>", "the Draftline server, such as http://localhost:3000")
  .option("-t, --token <token>", "the token (default: asked for, or read from standard input)")
  .action(async (options: { server: string; token?: string }) => {
    const server = normalizeServer(options.server);
    const token = (options.token ?? (await readToken())).trim();
    if (!token) throw new CliError("No token given: create one in Draftline's account page and pass it with --token or on standard input.");
    const { projects } = await new ApiClient({ server, token }).json<{ projects: Array<{ slug: string }> }>("GET", "/projects");
    const file = await saveLogin({ server, token });
    print({ server, projects: projects.length, config: file }, () => `Logged in to ${server} (${projects.length} project${projects.length === 1 ? "" : "s"}). Saved in ${file}.`);
  });

async function readToken(): Promise<string> {
  if (!stdin.isTTY) {
    let text = "";
    for await (const chunk of stdin) text += String(chunk);
    return text;
  }
  const prompt = createInterface({ input: stdin, output: stderr });
  try {
    return await prompt.question("Token: ");
  } finally {
    prompt.close();
  }
}

program
  .command("logout")
  .description("forget the stored server and token")
  .action(async () => {
    await forgetLogin();
    print({ loggedOut: true }, () => "Logged out.");
  });

program
  .command("projects")
  .description("the projects your token can reach")
  .action(async () => {
    const result = await (await client()).json<{ projects: Array<{ slug: string; name: string }> }>("GET", "/projects");
    print(result, () => result.projects.map((project) => `${project.slug}\t${project.name}`));
  });

program
  .command("pull <project> [dir]")
  .description("write the project's latest draft into dir (default: a folder named after the project)")
  .option("-f, --force", "overwrite files changed here since the last pull")
  .action(async (project: string, dir: string | undefined, options: { force?: boolean }) => {
    const result = await pull(await client(), project, dir ?? project, { force: options.force === true, progress });
    print(result, () => `Pulled ${result.files} file${result.files === 1 ? "" : "s"} of ${project} into ${result.dir}.${result.removed.length ? ` Removed ${result.removed.join(", ")}.` : ""}`);
  });

program
  .command("push [dir]")
  .description("upload the files changed in dir (default: the current folder) since the last pull")
  .option("-f, --force", "overwrite files the server changed since the last pull")
  .action(async (dir: string | undefined, options: { force?: boolean }) => {
    const result = await push(await client(), dir ?? ".", { force: options.force === true, progress });
    const count = result.modified.length + result.added.length + result.deleted.length;
    print(result, () =>
      count === 0
        ? "Nothing to push: no file changed here since the last pull."
        : [
            ...result.modified.map((file) => `changed  ${file}`),
            ...result.added.map((file) => `added    ${file}`),
            ...result.deleted.map((file) => `deleted  ${file}`),
            `Pushed ${count} change${count === 1 ? "" : "s"} to ${result.project}'s draft.`,
          ],
    );
  });

program
  .command("status [dir]")
  .description("what changed in dir (default: the current folder) and on the server since the last pull")
  .action(async (dir: string | undefined) => {
    const result = await status(await client(), dir ?? ".");
    const section = (title: string, changes: { modified: string[]; added: string[]; deleted: string[] }) => {
      const lines = [...changes.modified.map((file) => `  changed  ${file}`), ...changes.added.map((file) => `  added    ${file}`), ...changes.deleted.map((file) => `  deleted  ${file}`)];
      return [`${title}:`, ...(lines.length ? lines : ["  nothing"])];
    };
    print(result, () => [`Project ${result.project}`, ...section("Here", result.local), ...section("On the server", result.server)]);
  });

const versions = program.command("versions").description("list, create, show and compare versions");

versions
  .command("list")
  .addOption(projectOption())
  .option("-s, --search <text>", "versions whose name or description contains it")
  .option("-n, --limit <count>", "how many, newest first", "20")
  .action(async (options: { project?: string; search?: string; limit: string }) => {
    const project = await projectOf(options);
    const page = await (await client()).json<{ items: Version[]; total: number }>("GET", `${projectPath(project)}/versions`, { query: { search: options.search, limit: options.limit } });
    print(page, () => [...page.items.map((version) => `${label(version)}\t${version.author}\t${version.createdAt}`), `${page.items.length} of ${page.total} versions`]);
  });

versions
  .command("create")
  .addOption(projectOption())
  .requiredOption("--name <name>", "the version's name")
  .option("--description <text>", "what changed", "")
  .action(async (options: { project?: string; name: string; description: string }) => {
    const project = await projectOf(options);
    const version = await (await client()).json<Version>("POST", `${projectPath(project)}/versions`, { body: { name: options.name, description: options.description } });
    print(version, () => `Created version ${label(version)}.`);
  });

versions
  .command("show <version>")
  .description("a version (by number, id or name) and its files")
  .addOption(projectOption())
  .action(async (ref: string, options: { project?: string }) => {
    const project = await projectOf(options);
    const api = await client();
    const found = await resolveVersion(api, project, ref);
    const version = await api.json<Version & { paths: string[] }>("GET", `${projectPath(project)}/versions/${found.id}`);
    print(version, () => [`${label(version)} by ${version.author}, ${version.createdAt}`, ...(version.description ? [version.description] : []), ...version.paths.map((file) => `  ${file}`)]);
  });

versions
  .command("diff <from> [to]")
  .description("files that differ between two versions (number, id or name) or `draft` (default for to)")
  .addOption(projectOption())
  .action(async (from: string, to: string | undefined, options: { project?: string }) => {
    const project = await projectOf(options);
    const api = await client();
    const side = async (ref: string) => (ref === "draft" ? "draft" : (await resolveVersion(api, project, ref)).id);
    const comparison = await api.json<{ changes: Array<{ path: string; status: string }>; summary: Record<string, number> }>("GET", `${projectPath(project)}/diff`, {
      query: { from: await side(from), to: await side(to ?? "draft") },
    });
    const changed = comparison.changes.filter((change) => change.status !== "unchanged");
    print(comparison, () => [
      ...changed.map((change) => `${change.status.padEnd(9)}${change.path}`),
      `${comparison.summary.added ?? 0} added, ${comparison.summary.modified ?? 0} modified, ${comparison.summary.removed ?? 0} removed`,
    ]);
  });

program
  .command("deploy [version]")
  .description("deploy a version (number, id or name), or the latest draft as a new version, to an environment")
  .addOption(projectOption())
  .requiredOption("-e, --env <name>", "the environment, such as staging")
  .option("--latest-draft", "deploy the latest draft, made into a new version first")
  .option("--name <name>", "with --latest-draft: the new version's name")
  .option("--description <text>", "with --latest-draft: what changed", "")
  .option("--note <text>", "for a protected environment: a note to the approvers")
  .option("-y, --yes", "confirm a deployment that asks for confirmation (production)")
  .action(async (ref: string | undefined, options: { project?: string; env: string; latestDraft?: boolean; name?: string; description: string; note?: string; yes?: boolean }) => {
    if ((ref === undefined) === (options.latestDraft !== true)) throw new CliError("Name a version to deploy, or pass --latest-draft (not both).");
    if (options.latestDraft && !options.name) throw new CliError("--latest-draft makes a new version: give it a --name.");
    const project = await projectOf(options);
    const api = await client();
    const environment = await environmentNamed(api, project, options.env);
    const target = ref === undefined ? { latestDraft: { name: options.name!, description: options.description } } : { versionId: (await resolveVersion(api, project, ref)).id };
    const change = await api.json<Change>("POST", `${projectPath(project)}/environments/${environment.id}/deployments`, {
      body: { ...target, confirmed: options.yes === true, ...(options.note ? { note: options.note } : {}) },
    });
    print(change, () => describeChange(change));
  });

program
  .command("rollback")
  .description("re-activate the version an environment ran before")
  .addOption(projectOption())
  .requiredOption("-e, --env <name>", "the environment")
  .option("--reason <text>", "admins only: roll a protected environment back without approval, saying why")
  .option("--note <text>", "for a protected environment: a note to the approvers")
  .action(async (options: { project?: string; env: string; reason?: string; note?: string }) => {
    const project = await projectOf(options);
    const api = await client();
    const environment = await environmentNamed(api, project, options.env);
    if (!environment.rollbackTarget) throw new CliError(`${environment.name} has no earlier version to roll back to.`, "conflict");
    const change = await api.json<Change>("POST", `${projectPath(project)}/environments/${environment.id}/rollback`, {
      body: { expectedVersionId: environment.rollbackTarget.id, ...(options.note ? { note: options.note } : {}), ...(options.reason ? { bypassReason: options.reason } : {}) },
    });
    print(change, () => describeChange(change));
  });

const requests = program.command("requests").description("deployment requests of protected environments");

requests
  .command("list")
  .addOption(projectOption())
  .action(async (options: { project?: string }) => {
    const project = await projectOf(options);
    const result = await (await client()).json<{
      requests: Array<{ id: string; status: string; environment: { name: string }; version: VersionRef; requestedBy: { name: string }; approvals: number; requiredApprovals: number }>;
    }>("GET", `${projectPath(project)}/requests`);
    print(result, () =>
      result.requests.length === 0
        ? "No deployment requests."
        : result.requests.map(
            (request) => `${request.id}\t${request.status}\t${label(request.version)} → ${request.environment.name}\tby ${request.requestedBy.name}\t${request.approvals}/${request.requiredApprovals} approvals`,
          ),
    );
  });

for (const decision of ["approve", "reject"] as const) {
  requests
    .command(`${decision} <request>`)
    .addOption(projectOption())
    .option("-m, --comment <text>", "why", "")
    .action(async (requestId: string, options: { project?: string; comment: string }) => {
      const project = await projectOf(options);
      const result = await (await client()).json<{ status: string; approvals?: number; requiredApprovals?: number }>(
        "POST",
        `${projectPath(project)}/requests/${encodeURIComponent(requestId)}/${decision}`,
        { body: { comment: options.comment } },
      );
      print(result, () =>
        decision === "reject"
          ? "Rejected."
          : result.status === "approved"
            ? "Approved: the last approval deployed it."
            : `Approved (${result.approvals}/${result.requiredApprovals}).`,
      );
    });
}

program
  .command("activity")
  .description("the activity log")
  .command("export")
  .addOption(projectOption())
  .addOption(new Option("--format <format>", "csv or jsonl").choices(["csv", "jsonl"]).default("csv"))
  .option("-o, --output <file>", "write to a file instead of standard output")
  .option("--person <name>", "only this person's events")
  .option("--kind <kind>", "only events of this kind")
  .option("--environment <name>", "only events of this environment")
  .option("--from <day>", "first day, YYYY-MM-DD")
  .option("--to <day>", "last day, YYYY-MM-DD")
  .action(async (options: { project?: string; format: string; output?: string; person?: string; kind?: string; environment?: string; from?: string; to?: string }) => {
    const project = await projectOf(options);
    const { format, person, kind, environment, from, to } = options;
    const response = await (await client()).send("GET", `${projectPath(project)}/activity/export`, { query: { format, person, kind, environment, from, to } });
    // Streamed through: an export of 100,000 events is never held in memory.
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), options.output ? createWriteStream(options.output) : stdout);
    if (options.output && !json()) stderr.write(`Wrote ${options.output}\n`);
  });

try {
  await program.parseAsync();
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  if (json()) stdout.write(`${JSON.stringify({ error: { code: error.code ?? "failed", message: error.message, details: error.details } }, null, 2)}\n`);
  stderr.write(`draftline: ${error.message}\n`);
  process.exitCode = 1;
}
