import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ApiClient } from "./client";
import { CliError } from "./errors";

/**
 * A local folder holding a project's draft: its files, and `.draftline/state.json` with what the
 * last pull or push left (each file's revision on the server and its content hash). Local
 * changes are found by hash, the server's by revision, so a push uploads only what changed here
 * and refuses to overwrite what changed there since.
 */
export interface SyncState {
  server: string;
  project: string;
  files: Record<string, { revision: number; hash: string }>;
}

interface ServerFile {
  path: string;
  revision: number;
  contentHash: string;
}

export interface Changes {
  modified: string[];
  added: string[];
  deleted: string[];
}

const STATE_DIR = ".draftline";
/** Never uploaded: the CLI's own state and what tools keep next to the files. */
const IGNORED = new Set([STATE_DIR, ".git", "node_modules", ".DS_Store"]);
const PARALLEL = 8;

const hash = (content: string) => createHash("sha256").update(content, "utf8").digest("hex");
const statePath = (dir: string) => path.join(dir, STATE_DIR, "state.json");

export async function readState(dir: string): Promise<SyncState | null> {
  try {
    return JSON.parse(await readFile(statePath(dir), "utf8")) as SyncState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CliError(`Cannot read ${statePath(dir)}: ${(error as Error).message}`);
  }
}

export async function requireState(dir: string): Promise<SyncState> {
  const state = await readState(dir);
  if (!state) throw new CliError(`${path.resolve(dir)} holds no pulled project: run \`draftline pull <project> ${dir}\` first.`);
  return state;
}

async function writeState(dir: string, state: SyncState) {
  await mkdir(path.join(dir, STATE_DIR), { recursive: true });
  const sorted = Object.fromEntries(Object.entries(state.files).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(statePath(dir), `${JSON.stringify({ ...state, files: sorted }, null, 2)}\n`);
}

/** Every file under `dir` as a draft path (forward slashes), the ignored folders left out. */
async function localPaths(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => !IGNORED.has(file.split("/")[0]!) && !file.split("/").includes(".DS_Store"))
    .sort();
}

/** A local file's text; the draft holds UTF-8 text only. */
async function readText(dir: string, file: string): Promise<string> {
  const bytes = await readFile(path.join(dir, ...file.split("/")));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file} is not UTF-8 text: the draft holds text files only.`, "invalid");
  }
}

export async function localChanges(dir: string, state: SyncState): Promise<Changes & { contents: Map<string, string> }> {
  const contents = new Map<string, string>();
  const changes: Changes = { modified: [], added: [], deleted: [] };
  const present = await localPaths(dir);
  for (const file of present) {
    const text = await readText(dir, file);
    const known = state.files[file];
    if (!known) changes.added.push(file);
    else if (known.hash !== hash(text)) changes.modified.push(file);
    else continue;
    contents.set(file, text);
  }
  const here = new Set(present);
  changes.deleted = Object.keys(state.files).filter((file) => !here.has(file)).sort();
  return { ...changes, contents };
}

async function serverFiles(client: ApiClient, project: string): Promise<Map<string, ServerFile>> {
  const { files } = await client.json<{ files: ServerFile[] }>("GET", `/projects/${encodeURIComponent(project)}/files`);
  return new Map(files.map((file) => [file.path, file]));
}

/** What changed on the server since the last pull or push: by revision. */
export function serverChanges(state: SyncState, server: Map<string, ServerFile>): Changes {
  const changes: Changes = { modified: [], added: [], deleted: [] };
  for (const [file, remote] of server) {
    const known = state.files[file];
    if (!known) changes.added.push(file);
    else if (known.revision !== remote.revision) changes.modified.push(file);
  }
  changes.deleted = Object.keys(state.files).filter((file) => !server.has(file));
  for (const list of Object.values(changes)) list.sort();
  return changes;
}

/** Runs `work` on every item, PARALLEL at a time, reporting progress. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>, progress: (done: number) => void) {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
      progress(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

export type Progress = (verb: string, done: number, total: number) => void;

export async function status(client: ApiClient, dir: string) {
  const state = await requireState(dir);
  const local = await localChanges(dir, state);
  const remote = serverChanges(state, await serverFiles(client, state.project));
  return { project: state.project, local: { modified: local.modified, added: local.added, deleted: local.deleted }, server: remote };
}

/**
 * The draft into `dir`: every file written, files gone from the server removed. Refuses when
 * files changed here since the last pull (they would be lost), unless `force`.
 */
export async function pull(client: ApiClient, project: string, dir: string, options: { force: boolean; progress: Progress }) {
  const previous = await readState(dir);
  if (previous && previous.project !== project) throw new CliError(`${path.resolve(dir)} holds the project "${previous.project}", not "${project}": pull into another folder.`);
  if (previous && !options.force) {
    const local = await localChanges(dir, previous);
    const changed = [...local.modified, ...local.added, ...local.deleted];
    if (changed.length > 0) throw new CliError(`These files changed here since the last pull and would be overwritten: ${changed.join(", ")}. Push them, or pull with --force.`, "local_changes", { files: changed });
  } else if (!previous && (await localPaths(dir)).length > 0 && !options.force) {
    throw new CliError(`${path.resolve(dir)} is not empty: pull into an empty folder, or use --force to write the project's files into it.`, "not_empty");
  }
  const server = await serverFiles(client, project);
  const state: SyncState = { server: client.server, project, files: {} };
  const files = [...server.values()];
  await inParallel(
    files,
    async (file) => {
      const content = await readServerFile(client, project, file.path);
      const target = path.join(dir, ...file.path.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content.text);
      state.files[file.path] = { revision: content.revision, hash: hash(content.text) };
    },
    (done) => options.progress("Pulled", done, files.length),
  );
  const removed = Object.keys(previous?.files ?? {}).filter((file) => !server.has(file));
  for (const file of removed) await rm(path.join(dir, ...file.split("/")), { force: true });
  await writeState(dir, state);
  return { project, dir: path.resolve(dir), files: files.length, removed };
}

async function readServerFile(client: ApiClient, project: string, file: string) {
  const response = await client.send("GET", `/projects/${encodeURIComponent(project)}/files/content`, { query: { path: file } });
  const body = (await response.json()) as { content: string; revision: number };
  return { text: body.content, revision: body.revision };
}

/**
 * Uploads what changed here since the last pull: changed files with If-Match (their revision
 * then), new files created, deleted ones deleted. Refuses, listing them, when the server changed
 * any of those files since, unless `force`, which overwrites the server's change.
 */
export async function push(client: ApiClient, dir: string, options: { force: boolean; progress: Progress }) {
  const state = await requireState(dir);
  const local = await localChanges(dir, state);
  const server = await serverFiles(client, state.project);
  const remote = serverChanges(state, server);
  const changedThere = new Set([...remote.modified, ...remote.added, ...remote.deleted]);
  const conflicts = [...local.modified, ...local.added, ...local.deleted].filter((file) => changedThere.has(file)).sort();
  if (conflicts.length > 0 && !options.force) {
    throw new CliError(
      `The server changed ${conflicts.length === 1 ? "this file" : "these files"} since your last pull: ${conflicts.join(", ")}. Pull first (your changes would be overwritten, so copy them aside), or push with --force to overwrite the server's changes.`,
      "conflict",
      { files: conflicts },
    );
  }
  const base = `/projects/${encodeURIComponent(state.project)}/files`;
  const uploads = [...local.modified, ...local.added];
  await inParallel(
    uploads,
    async (file) => {
      const content = local.contents.get(file)!;
      const onServer = server.get(file);
      let revision: number;
      if (onServer) {
        // A file known here is written over the revision pulled; forced, over the server's own.
        const expected = options.force ? onServer.revision : (state.files[file]?.revision ?? onServer.revision);
        const response = await client.send("PUT", `${base}/content`, { query: { path: file }, body: { content }, headers: { "if-match": `"${expected}"` } });
        revision = ((await response.json()) as { revision: number }).revision;
      } else {
        revision = (await client.json<{ revision: number }>("POST", base, { body: { path: file, content } })).revision;
      }
      state.files[file] = { revision, hash: hash(content) };
      await writeState(dir, state);
    },
    (done) => options.progress("Pushed", done, uploads.length),
  );
  for (const file of local.deleted) {
    if (server.has(file)) await client.send("DELETE", `${base}/content`, { query: { path: file } });
    delete state.files[file];
  }
  await writeState(dir, state);
  return { project: state.project, modified: local.modified, added: local.added, deleted: local.deleted, overwritten: options.force ? conflicts : [] };
}
