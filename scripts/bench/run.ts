// `npm run bench`: measures the speed that matters side by side with git and prints one JSON
// document (also written to bench-results/). Progress goes to stderr.
//   Everything runs twice: quiet, and again (storage aside, which counts bytes) loaded, with
//   busy neighbours competing for the CPU as other programs on a shared machine do. Targets
//   judge the quiet run; each target also shows its loaded figure and loaded ÷ quiet.
//   BENCH_DATABASE_URL (or TEST_DATABASE_URL, as scripts/with-postgres.mjs exports) also runs
//   everything on that PostgreSQL server; BENCH_QUICK=1 runs smaller sizes while developing;
//   BENCH_LOADED=0 skips the loaded run.
//   BENCH_BROWSER=0 skips the browser-timed Version History popover (it needs Chromium and a
//   production build, made first when .next has none).
//   BENCH_LOAD=0 skips the load figure (load.ts: 50 builders autosaving and 5 people paging
//   Version History against the production server, 60 s per database, 10 s with BENCH_QUICK=1).
//   BENCH_SANDBOX=0 skips the workflow sandbox's figures (sandbox.ts).
//   It runs in the quiet run only: it is a load test already, and busy neighbours on top would
//   add another minute or more per database to measure CPU starvation rather than the app.
//   BENCH_QUEUE=0 skips the queue of runs (queue.ts: Draftline's executions table against
//   pg-boss 10 on each database), also measured in the quiet run only: a few minutes per
//   database, and the comparison is between two queues on the same machine, not against load.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { MAX_FILES_PER_PROJECT } from "@/lib/files/limits";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { benchActivity } from "./activity";
import { benchAutosave } from "./autosave";
import { openPglite, openPostgres, type BenchDatabase } from "./databases";
import { benchDeployRollback } from "./deploy-rollback";
import { benchLoad, LOAD } from "./load";
import { cpuShares, cpuSnapshot, machineFacts } from "./machine";
import { NEIGHBOURS, withBusyNeighbours } from "./neighbour";
import { benchPopoverOpen } from "./popover-open";
import { benchQueues, queueConfig } from "./queue";
import { benchSandbox } from "./sandbox";
import { evaluateActivityTargets, evaluateLoadTargets, evaluatePopoverTargets, evaluateTargets, type TargetResult } from "./targets";
import { log, median, ratio } from "./timing";
import { benchVersionCreation } from "./version-creation";
import { benchVersionHistory } from "./version-history";
import { benchVersionStorage } from "./version-storage";

const quick = process.env.BENCH_QUICK === "1";
const loadedRun = process.env.BENCH_LOADED !== "0";
const config = {
  versionSizes: quick ? [100, 1000] : [100, 1000, 5000],
  versionRounds: quick ? 1 : 3,
  storageFiles: 1000,
  storageVersions: 50,
  historyVersions: 10_000,
  historyCalls: 50,
  autosaveSaves: 200,
  deployVersionCounts: [10, 10_000] as const,
  deployAlternations: 100,
  activityEvents: 100_000,
  activityCalls: 50,
  load: LOAD,
  queue: queueConfig(quick),
  seed: 20_261_125,
};

/**
 * Every benchmark gets a fresh database, so none sees the rows or statistics another left.
 * Storage counts bytes, which no neighbour changes: only the quiet run measures it.
 */
async function benchDatabase(kind: BenchDatabase["kind"], open: () => Promise<BenchDatabase>, condition: "quiet" | "loaded") {
  let serverVersion = "";
  const step = <T>(name: string, work: (db: PrismaClient) => Promise<T>) =>
    withDatabase(open, async (database) => {
      serverVersion = database.serverVersion;
      log(`${kind}, ${condition}: ${name}…`);
      const before = cpuSnapshot();
      const value = await work(database.prisma);
      return { ...value, cpuShare: cpuShares(before, cpuSnapshot()) };
    });
  const results = {
    versionCreation: await step("version creation against git", async (db) => ({
      sizes: await benchVersionCreation(db, {
        sizes: config.versionSizes,
        rounds: config.versionRounds,
        seed: config.seed,
        inProcessDatabase: kind === "pglite",
      }),
    })),
    versionStorage:
      condition === "quiet"
        ? await step("storage of one-file changes", (db) => benchVersionStorage(db, config.storageFiles, config.storageVersions, config.seed))
        : undefined,
    versionHistory: await step("version history first page", (db) => benchVersionHistory(db, config.historyVersions, config.historyCalls)),
    autosave: await step("autosave", async (db) => ({
      small: await benchAutosave(db, 1_000, config.autosaveSaves, config.seed),
      large: await benchAutosave(db, 100_000, config.autosaveSaves, config.seed),
    })),
    deployRollback: await step("deploy and rollback", (db) => benchDeployRollback(db, config.deployVersionCounts, config.deployAlternations)),
    activity: await step("activity pages", (db) => benchActivity(db, config.activityEvents, config.activityCalls)),
  };
  return { database: kind, serverVersion, ...results };
}

async function withDatabase<T>(open: () => Promise<BenchDatabase>, work: (database: BenchDatabase) => Promise<T>) {
  const database = await open();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const browserWanted = process.env.BENCH_BROWSER !== "0";
const loadWanted = process.env.BENCH_LOAD !== "0";
const sandboxWanted = process.env.BENCH_SANDBOX !== "0";
const queueWanted = process.env.BENCH_QUEUE !== "0";

/**
 * Every database, then the production server under load on each (quiet run only), then the
 * browser: these last two share the machine with nothing else of ours.
 */
async function benchAll(condition: "quiet" | "loaded") {
  const before = cpuSnapshot();
  const runs = [await benchDatabase("pglite", openPglite, condition)];
  if (serverUrl) runs.push(await benchDatabase("postgresql", () => openPostgres(serverUrl), condition));
  const load = loadWanted && condition === "quiet" ? [await benchLoad(), ...(serverUrl ? [await benchLoad(serverUrl)] : [])] : null;
  const browser = browserWanted ? await browserBench(condition) : null;
  const sandbox = sandboxWanted ? await benchSandbox(condition) : null;
  const queue =
    queueWanted && condition === "quiet"
      ? await benchQueues(condition, serverUrl, config.queue)
      : null;
  return { cpuShare: cpuShares(before, cpuSnapshot()), runs, load, browser, sandbox, queue };
}

async function browserBench(condition: "quiet" | "loaded") {
  log(`browser, ${condition}: Version History popover, click to first row…`);
  const before = cpuSnapshot();
  const popover = await benchPopoverOpen();
  return { versionHistoryPopover: { ...popover, cpuShare: cpuShares(before, cpuSnapshot()) } };
}

function targetsOf(results: Awaited<ReturnType<typeof benchAll>>): TargetResult[] {
  return [
    ...results.runs.flatMap(evaluateTargets),
    ...results.runs.flatMap(evaluateActivityTargets),
    ...(results.load ?? []).flatMap(evaluateLoadTargets),
    ...(results.browser ? evaluatePopoverTargets(results.browser.versionHistoryPopover) : []),
  ];
}

/** The quiet figures judged against their targets, each with its loaded figure beside it. */
function targetsWithLoad(quietTargets: TargetResult[], loadedTargets: TargetResult[]) {
  return quietTargets.map((target) => {
    const loadedValue = loadedTargets.find((candidate) => candidate.database === target.database && candidate.name === target.name)?.value;
    return loadedValue === undefined ? target : { ...target, loaded: loadedValue, loadedTimesQuiet: ratio(loadedValue, target.value) };
  });
}

const startedAt = new Date();
const quiet = await benchAll("quiet");
const loaded = loadedRun
  ? await (async () => {
      log(`loaded: ${NEIGHBOURS} busy neighbour${NEIGHBOURS === 1 ? "" : "s"} from now on`);
      return { neighbours: NEIGHBOURS, ...(await withBusyNeighbours(NEIGHBOURS, () => benchAll("loaded"))) };
    })()
  : null;

// Other programs' share while the embedded database was measured quietly, as the median over its
// benchmarks: version creation alone also shows the kernel writing back and deleting the
// bench's own files, which is no load from elsewhere.
const embeddedRun = quiet.runs[0]!;
const othersWhileEmbedded = median(
  [embeddedRun.versionCreation, embeddedRun.versionStorage!, embeddedRun.versionHistory, embeddedRun.autosave, embeddedRun.deployRollback, embeddedRun.activity].map(
    (step) => step.cpuShare.others,
  ),
);
const report = {
  startedAt: startedAt.toISOString(),
  durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  quick,
  machine: {
    ...machineFacts(),
    // Whether other programs used more than a quarter of the CPUs during the quiet run.
    underLoad: othersWhileEmbedded > 0.25,
  },
  targets: targetsWithLoad(targetsOf(quiet), loaded ? targetsOf(loaded) : []),
  // Shares of all CPUs used by this bench and by other processes (including a PostgreSQL server
  // under test and, loaded, the neighbours) during each run; each benchmark also reports its own.
  quiet,
  loaded,
  config,
  method: [
    "Each benchmark runs on a fresh database: PGlite in a temporary data folder, or a new database on the PostgreSQL server.",
    "git: `git add -A && git commit -q` in a fresh repository with gc.auto=0, timed with process start-up; bytes are the files under .git/objects.",
    `Projects over MAX_FILES_PER_PROJECT (${MAX_FILES_PER_PROJECT}) get the rest of their draft rows inserted directly: createProject refuses them.`,
    "The Version History and deploy fixtures insert versions with SQL (valid rows, one small file each).",
    "The activity fixture inserts 100,000 events with SQL into one project (one a minute; 20 people, 7 kinds, 3 environments or none) and 20,000 into another.",
    "scripts/with-postgres.mjs starts PostgreSQL with fsync off (-F).",
    "Browser: `next start` of the production build on a throwaway embedded database (the sample project plus versions made through the library), Chromium as in playwright.config.ts at 1440×900; from the click's event time to the first animation frame with a row on screen, on a loaded page that has finished its own requests; \"first open\" reloads the page before each opening, \"reopen\" closes and opens again.",
    `Load: \`next start\` of the production build on a throwaway database (PGlite, and a new database on the PostgreSQL server); ${LOAD.builders} sessions of the demo builder each load their own file and then save it every second (PUT /api/projects/<slug>/files/content, the editor's autosave route) naming the revision the last save was acknowledged with, while ${LOAD.readers} sessions of the demo viewer page through ${LOAD.versions} versions (GET /api/projects/<slug>/versions, following nextBefore, ${LOAD.readerPauseMs} ms between pages); latencies of answered requests from sending to the body read, failures counted by reason; after the server stopped, every file must hold its last acknowledged text.`,
    `Queue (quiet run only): each queue on a fresh database, the sample project's first version active in development, a no-op in place of the sandbox. Draftline: runs queued by queueExecution as the HTTP trigger queues them (environment, version files and integration.yaml read, one row), claimed by claimExecution (per-environment limit 2) and finished by recordOutcome. pg-boss 10 (its tables in schema bench_pgboss; on PGlite through its db option, an executeSql onto the same instance; on PostgreSQL through its own pool): send, then fetch and complete; \"withExecutionRows\" as the app would use it, the row and the job in one Prisma transaction (send's per-call db), the row marked running after fetch and finished by recordOutcome before complete. ${config.queue.jobs} runs queued one after another, then drained by 2 claimers each claiming and finishing one at a time; latency: ${config.queue.trickleJobs} runs queued ${config.queue.trickleGapMs} ms apart while the claimers wait, woken in process on each enqueue (as the app's worker is), from the enqueue's return to the claim's return. enqueueWithRow: the row alone, the row then send, and both in one transaction, in turn, ${config.queue.pairRounds} rounds.`,
    `Loaded: the same benchmarks (storage aside) again while ${NEIGHBOURS} child process${NEIGHBOURS === 1 ? "" : "es"} spin in a busy loop, one per core but one; targets judge the quiet run.`,
  ],
};

const json = JSON.stringify(report, (_, value: unknown) => (typeof value === "bigint" ? Number(value) : value), 2);
const folder = path.join(process.cwd(), "bench-results");
await mkdir(folder, { recursive: true });
const file = path.join(folder, `bench-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
await writeFile(file, `${json}\n`);
process.stdout.write(`${json}\n`);
log(`written to ${path.relative(process.cwd(), file)}`);
