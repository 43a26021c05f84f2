// LOAD (issue 14): 50 builders each autosave their own file every second while 5 people page
// through Version History, against the production server (`next start` of the build) on a
// throwaway database, over HTTP with signed-in sessions, as the browser does.
//   Saves go to PUT /api/projects/<slug>/files/content, the route the editor's autosave calls
//   (components/files/queries.ts, saveFileContent): it is no server action. History pages are
//   GET /api/projects/<slug>/versions?before=<cursor>, the route the popover pages with.
//   A small Node driver rather than autocannon: every save names the revision its previous one
//   was acknowledged with, and every acknowledged text is kept to check the database afterwards.
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from "@/lib/auth/seed-demo-users";
import type { Role } from "@/lib/auth/roles";
import { openEmbedded } from "@/lib/db/connect";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openPostgres, serverVersion } from "./databases";
import { insertVersions, loadProject } from "./fixtures";
import { findLostSaves, type SaveLedger } from "./lost-saves";
import { cpuShares, cpuSnapshot } from "./machine";
import { signIn, startNextServer } from "./next-server";
import { log, round, summarizeWithTail } from "./timing";

export const LOAD = {
  builders: 50,
  readers: 5,
  saveEveryMs: 1000,
  /** A reader scrolls on to the next page this long after one arrives. */
  readerPauseMs: 250,
  versions: 1000,
  seconds: process.env.BENCH_QUICK === "1" ? 10 : 60,
};

type Outcome = { ok: true; ms: number } | { ok: false; reason: string };

/** Successful requests' latencies, and failures counted by reason. */
function tally() {
  const ms: number[] = [];
  const errors: Record<string, number> = {};
  const failed = () => Object.values(errors).reduce((sum, count) => sum + count, 0);
  return {
    add(outcome: Outcome) {
      if (outcome.ok) ms.push(outcome.ms);
      else errors[outcome.reason] = (errors[outcome.reason] ?? 0) + 1;
    },
    /** Requests answered or failed so far. */
    count: () => ms.length + failed(),
    result: () => ({ ms: summarizeWithTail(ms.map((value) => round(value, 2))), errors: { total: failed(), byReason: errors } }),
  };
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

/** A request timed from sending to the whole body read; failures named by status, or "network". */
async function request(url: string, init: RequestInit): Promise<{ outcome: Outcome; status: number | null; body: unknown }> {
  const start = performance.now();
  try {
    const response = await fetch(url, init);
    const body: unknown = await response.json().catch(() => null);
    const ms = performance.now() - start;
    return { outcome: response.ok ? { ok: true, ms } : { ok: false, reason: `HTTP ${response.status}` }, status: response.status, body };
  } catch {
    return { outcome: { ok: false, reason: "network" }, status: null, body: null };
  }
}

const builderPath = (builder: number) => `load/builder-${String(builder + 1).padStart(2, "0")}.md`;

/** About a kilobyte, different for every save. */
function builderText(builder: number, save: number) {
  const lines = Array.from({ length: 16 }, (_, line) => `- step ${line + 1}: map field ${line} of order ${builder}-${save} to the ERP record`);
  return `# Builder ${builder + 1}\n\nSave ${save}\n\n${lines.join("\n")}\n`;
}

/** Sessions for `count` people of one role, a few sign-ins at a time (each hashes a password). */
async function sessions(baseUrl: string, role: Role, count: number) {
  const email = DEMO_USERS.find((user) => user.role === role)!.email;
  const cookies: string[] = [];
  while (cookies.length < count) {
    const batch = Math.min(5, count - cookies.length);
    cookies.push(...(await Promise.all(Array.from({ length: batch }, () => signIn(baseUrl, email, DEMO_PASSWORD)))));
  }
  return cookies;
}

const contentUrl = (api: string, builder: number) => `${api}/files/content?${new URLSearchParams({ path: builderPath(builder) })}`;

/** The revision of a builder's file, loaded as the editor does when it opens the file. */
async function openFile(api: string, builder: number, cookie: string): Promise<number> {
  const loaded = await request(contentUrl(api, builder), { headers: { cookie } });
  if (!loaded.outcome.ok) throw new Error(`Builder ${builder + 1} could not load ${builderPath(builder)}: ${loaded.outcome.reason}`);
  return (loaded.body as { revision: number }).revision;
}

/** One builder: saves its file every second until `endAt`, each save on the revision the last one was acknowledged with. */
async function runBuilder(
  builder: number,
  context: { api: string; origin: string; cookie: string; revision: number; startAt: number; endAt: number },
  saves: ReturnType<typeof tally>,
) {
  const filePath = builderPath(builder);
  const url = contentUrl(context.api, builder);
  const headers = { cookie: context.cookie, origin: context.origin };
  let revision = context.revision;
  const ledger: SaveLedger = { path: filePath, acknowledged: null, unanswered: [] };
  // Builders start spread over the first second, as people do not type in step.
  for (let save = 1, at = context.startAt + (builder * LOAD.saveEveryMs) / LOAD.builders; at < context.endAt; save++, at += LOAD.saveEveryMs) {
    // A save still under way when the next second comes delays it, as the editor's one-at-a-time autosave does.
    await sleepUntil(at);
    const content = builderText(builder, save);
    const saved = await request(url, {
      method: "PUT",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ content, baseRevision: revision }),
    });
    const answered = (saved.body as { revision?: unknown } | null)?.revision;
    if (saved.outcome.ok && typeof answered === "number") {
      saves.add(saved.outcome);
      revision = answered;
      ledger.acknowledged = { content, revision };
      ledger.unanswered = [];
    } else if (saved.status === 409) {
      saves.add({ ok: false, reason: "HTTP 409 (refused as stale)" });
      // Go on from the stored revision so that one refusal is counted once, not for every later save.
      revision = (saved.body as { error: { current: { revision: number } } }).error.current.revision;
    } else {
      saves.add(saved.outcome.ok ? { ok: false, reason: "answer without a revision" } : saved.outcome);
      // Without an answer (or with a 5xx) the save may still have been written.
      if (saved.outcome.ok || saved.status === null || saved.status >= 500) ledger.unanswered.push(content);
    }
  }
  return ledger;
}

/** One person paging through Version History from the newest version, following the cursor, again and again until `endAt`. */
async function runReader(context: { api: string; cookie: string; endAt: number }, pages: ReturnType<typeof tally>) {
  let walks = 0;
  while (performance.now() < context.endAt) {
    let before: number | null = null;
    do {
      const page = await request(`${context.api}/versions?${new URLSearchParams(before === null ? {} : { before: String(before) })}`, {
        headers: { cookie: context.cookie },
      });
      const body = page.body as { items?: unknown[]; nextBefore?: number | null } | null;
      const wellFormed = page.outcome.ok && Array.isArray(body?.items) && body.items.length > 0 && body.nextBefore !== undefined;
      pages.add(page.outcome.ok && !wellFormed ? { ok: false, reason: "page without versions" } : page.outcome);
      if (!wellFormed) break;
      before = body!.nextBefore!;
      if (before === null) walks++;
      else await sleepUntil(performance.now() + LOAD.readerPauseMs);
    } while (before !== null && performance.now() < context.endAt);
    // Back at the newest version, or after a failed page: open the popover again a moment later.
    await sleepUntil(performance.now() + LOAD.readerPauseMs);
  }
  return walks;
}

/** A throwaway database for the server: an embedded data folder, or a new database on a PostgreSQL server. */
interface LoadDatabase {
  kind: "pglite" | "postgresql";
  dataDir: string;
  databaseUrl?: string;
  /** Runs `work` on the database while the app server is not running (PGlite allows one process). */
  use<T>(work: (db: PrismaClient) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

async function loadDatabase(postgresUrl: string | undefined): Promise<LoadDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "draftline-bench-load-"));
  if (!postgresUrl) {
    return {
      kind: "pglite",
      dataDir,
      async use(work) {
        const connection = await openEmbedded(path.join(dataDir, "pglite"));
        try {
          return await work(connection.prisma);
        } finally {
          await connection.close();
        }
      },
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const database = await openPostgres(postgresUrl);
  return {
    kind: "postgresql",
    dataDir,
    databaseUrl: database.url,
    use: (work) => work(database.prisma),
    async dispose() {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The figure on PGlite, or on a new database of the PostgreSQL server at `postgresUrl`. */
export async function benchLoad(postgresUrl?: string) {
  const database = await loadDatabase(postgresUrl);
  try {
    const files = Array.from({ length: LOAD.builders }, (_, builder) => ({ path: builderPath(builder), content: builderText(builder, 0) }));
    const { slug, version } = await database.use(async (db) => {
      const projectId = await loadProject(db, files);
      await insertVersions(db, projectId, LOAD.versions);
      const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { slug: true } });
      await seedDemoUsers(db, project.slug);
      return { slug: project.slug, version: await serverVersion(db) };
    });
    const server = await startNextServer({ dataDir: database.dataDir, databaseUrl: database.databaseUrl, env: { DRAFTLINE_SIGN_IN_ATTEMPTS: "1000" } });
    let run;
    try {
      const builderCookies = await sessions(server.baseUrl, "builder", LOAD.builders);
      const readerCookies = await sessions(server.baseUrl, "viewer", LOAD.readers);
      log(`${database.kind}: ${LOAD.builders} builders saving, ${LOAD.readers} reading Version History, for ${LOAD.seconds} s…`);
      const api = `${server.baseUrl}/api/projects/${encodeURIComponent(slug)}`;
      const saves = tally();
      const pages = tally();
      // Opening the files also loads the save's route into the server (a route's first request
      // loads its code); one untimed page does the same for the history.
      const revisions = await Promise.all(builderCookies.map((cookie, builder) => openFile(api, builder, cookie)));
      await request(`${api}/versions`, { headers: { cookie: readerCookies[0]! } });
      const before = cpuSnapshot(server.processGroup);
      const startAt = performance.now() + 1000;
      const endAt = startAt + LOAD.seconds * 1000;
      const [ledgers, walks] = await Promise.all([
        Promise.all(builderCookies.map((cookie, builder) => runBuilder(builder, { api, origin: server.baseUrl, cookie, revision: revisions[builder]!, startAt, endAt }, saves))),
        Promise.all(readerCookies.map((cookie) => runReader({ api, cookie, endAt }, pages))),
      ]);
      const after = cpuSnapshot(server.processGroup);
      run = {
        ledgers,
        // Saves are due every second until the end; a slow server answers the last ones later.
        seconds: round((performance.now() - startAt) / 1000, 1),
        saves: saves.result(),
        pages: { ...pages.result(), walksToOldest: walks.reduce((sum, count) => sum + count, 0) },
        cpuShare: cpuShares(before, after),
        // What a request costs the server whatever else runs: less noisy than its latency on a shared machine.
        serverCpuMsPerRequest: round((after.serverMs! - before.serverMs!) / (saves.count() + pages.count()), 1),
        loadAverage: round(loadavg()[0]!, 2),
      };
    } finally {
      await server.stop();
    }
    // Checked after the server stopped: what it acknowledged must be in the database.
    const stored = await database.use(async (db) => {
      const project = await db.project.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      return db.draftFile.findMany({ where: { projectId: project.id, path: { in: files.map((file) => file.path) } }, select: { path: true, content: true, revision: true } });
    });
    const lost = findLostSaves(run.ledgers, stored);
    return {
      database: database.kind,
      serverVersion: version,
      builders: LOAD.builders,
      readers: LOAD.readers,
      seconds: LOAD.seconds,
      secondsUntilLastAnswer: run.seconds,
      versions: LOAD.versions,
      saves: { ...run.saves, perSecond: round(run.saves.ms.n / run.seconds, 1) },
      versionHistoryPages: run.pages,
      lostAcknowledgedSaves: { filesChecked: run.ledgers.filter((ledger) => ledger.acknowledged).length, lost: lost.length, examples: lost.slice(0, 5) },
      // Shares of all CPUs while the load ran: the driver, the app server, everything else
      // (other people's work, and a PostgreSQL server under test); and the 1-minute load average at the end.
      cpuShare: run.cpuShare,
      loadAverage: run.loadAverage,
      serverCpuMsPerRequest: run.serverCpuMsPerRequest,
    };
  } finally {
    await database.dispose();
  }
}

// `npx tsx scripts/bench/load.ts` measures only this (on PostgreSQL too when TEST_DATABASE_URL or BENCH_DATABASE_URL is set).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { evaluateLoadTargets } = await import("./targets");
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const runs = [await benchLoad(), ...(postgresUrl ? [await benchLoad(postgresUrl)] : [])];
  process.stdout.write(`${JSON.stringify({ targets: runs.flatMap(evaluateLoadTargets), runs }, null, 2)}\n`);
}
