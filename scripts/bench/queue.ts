// Issue 16: the queue of runs. Draftline queues a run as its `executions` row (queueExecution)
// and claims it with one statement (claimExecution); pg-boss 10 would keep a job of its own
// beside the row. Both on each database, each on a fresh one, with a no-op in place of the
// sandbox:
// - throughput: N runs queued one after another, then drained by 2 concurrent claimers, each
//   claiming and finishing one run at a time;
// - latency: runs queued one at a time (a pause between) while the 2 claimers wait, woken in
//   process as the app's worker is; from the enqueue's return to the claim's return;
// - the transactional point: queueing a run (its row) alone, then its row plus pg-boss's send as
//   two writes, then both in one Prisma transaction (send's per-call `db`), alternately.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import type PgBoss from "pg-boss";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { CLAIM_LEASE_MS, claimExecution } from "@/lib/executions/claim-execution";
import { queueExecution } from "@/lib/executions/queue-execution";
import { recordOutcome, type Outcome } from "@/lib/executions/run-execution";
import type { Db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SAMPLE_PROJECT } from "@/lib/projects/sample-project";
import { createVersion } from "@/lib/versions/create-version";
import { openPglite, openPostgres, type BenchDatabase } from "./databases";
import { loadProject } from "./fixtures";
import { cpuShares, cpuSnapshot } from "./machine";
import { prismaExecuteSql, startPgBoss } from "./pg-boss-db";
import { log, ratio, round, summarize, timed } from "./timing";

export interface QueueConfig {
  /** Runs queued and then drained, per queue. */
  jobs: number;
  /** Runs queued one at a time while the claimers wait. */
  trickleJobs: number;
  trickleGapMs: number;
  /** Enqueues timed per variant of the transactional comparison. */
  pairRounds: number;
}

/** The sizes `npm run bench` uses (BENCH_QUICK=1: smaller, while developing). */
export function queueConfig(quick: boolean): QueueConfig {
  return { jobs: quick ? 500 : 2000, trickleJobs: quick ? 50 : 200, trickleGapMs: 20, pairRounds: quick ? 50 : 200 };
}

const CLAIMERS = 2;
const QUEUE_NAME = "runs";
const WORKFLOW = "order-sync";
/** Claimers look again this often when nothing woke them (the app's worker polls every second). */
const IDLE_POLL_MS = 1000;

/** What the no-op in place of the sandbox hands back. */
const NO_OP_OUTCOME: Outcome = { status: "succeeded", output: null, logs: [], durationMs: 0 };

/** One queue as the harness drives it: queue a run, claim the next one (or none), finish it. */
interface Queue {
  /** Answers the run's id, as `claim` answers it. */
  enqueue(): Promise<string>;
  claim(): Promise<string | null>;
  complete(id: string): Promise<void>;
}

interface Target {
  projectId: string;
  environmentId: string;
}

export async function benchQueue(open: () => Promise<BenchDatabase>, config: QueueConfig) {
  const draftline = await withFresh(open, async (database) => {
    const target = await deployedSample(database.prisma);
    return measureQueue(draftlineQueue(database.prisma, target), config);
  });
  const pgBoss = await withFresh(open, async (database) => {
    const target = await deployedSample(database.prisma);
    const boss = await startPgBoss(database.pglite ? { pglite: database.pglite } : { connectionString: database.url! });
    try {
      await boss.createQueue(QUEUE_NAME);
      const figures = await measureQueue(pgBossQueue(boss), config);
      const withExecutionRows = await measureQueue(pgBossQueue(boss, { db: database.prisma, target }), config);
      const enqueueWithRow = await measureEnqueuePairs(database.prisma, boss, target, config.pairRounds);
      return { ...figures, withExecutionRows, enqueueWithRow };
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
  return {
    draftline,
    pgBoss,
    pgBossTimesDraftline: timesDraftline(pgBoss),
    pgBossWithExecutionRowsTimesDraftline: timesDraftline(pgBoss.withExecutionRows),
  };
  function timesDraftline(other: Awaited<ReturnType<typeof measureQueue>>) {
    return {
      enqueuePerSecond: ratio(other.enqueuePerSecond, draftline.enqueuePerSecond),
      claimCompletePerSecond: ratio(other.claimCompletePerSecond, draftline.claimCompletePerSecond),
      queuedToClaimedP50: ratio(other.queuedToClaimedMs.p50, draftline.queuedToClaimedMs.p50),
    };
  }
}

async function withFresh<T>(open: () => Promise<BenchDatabase>, work: (database: BenchDatabase) => Promise<T>) {
  const database = await open();
  try {
    const before = cpuSnapshot();
    const value = await work(database);
    return { ...value, cpuShare: cpuShares(before, cpuSnapshot()) };
  } finally {
    await database.close();
  }
}

/** The sample project with its first version active in development, the environment runs are queued in. */
async function deployedSample(db: PrismaClient): Promise<Target> {
  const projectId = await loadProject(db, SAMPLE_PROJECT.files, ["development"]);
  const version = await createVersion(db, { projectId, name: "1.0.0", origin: "manual", author: "Bench author" });
  if (!version.ok) throw new Error(`createVersion failed: ${version.error.message}`);
  const environment = await db.environment.findFirstOrThrow({ where: { projectId, name: "development" }, select: { id: true } });
  const deployed = await deployVersion(db, { projectId, environmentId: environment.id, versionId: version.value.id, author: "Bench author" });
  if (!deployed.ok) throw new Error(`deployVersion failed: ${deployed.error.message}`);
  return { projectId, environmentId: environment.id };
}

/** A run as the HTTP trigger queues it: its row, nothing else (no person, so no activity event). */
async function queueRun(db: Db, target: Target): Promise<string> {
  const queued = await queueExecution(db, { ...target, workflow: WORKFLOW, trigger: "http", input: { bench: true } });
  if (!queued.ok) throw new Error(`queueExecution failed: ${queued.error.message}`);
  return queued.value.id;
}

/** The run's row and its pg-boss job in one transaction: send joins it through its per-call `db`. */
function queueRunWithJob(db: PrismaClient, boss: PgBoss, target: Target) {
  return db.$transaction(async (tx) => boss.send(QUEUE_NAME, { executionId: await queueRun(tx, target) }, { db: prismaExecuteSql(tx) }));
}

function draftlineQueue(db: PrismaClient, target: Target): Queue {
  const attempts = new Map<string, number>();
  return {
    enqueue: () => queueRun(db, target),
    async claim() {
      // As many per environment as there are claimers, so the limit is checked but never waits.
      const claimed = await claimExecution(db, { perEnvironmentLimit: CLAIMERS });
      if (!claimed) return null;
      attempts.set(claimed.id, claimed.attempt);
      return claimed.id;
    },
    async complete(id) {
      const attempt = attempts.get(id)!;
      attempts.delete(id);
      const recorded = await recordOutcome(db, { id, attempt }, NO_OP_OUTCOME);
      if (!recorded.ok) throw new Error(`recordOutcome failed: ${recorded.error.message}`);
    },
  };
}

/**
 * pg-boss's jobs alone; or, given the database and a deployed environment, as the app would use
 * it: each job beside its execution row, queued together in one transaction (send's `db`), the
 * row marked running once fetched and finished (recordOutcome) before the job is completed.
 * pg-boss 10 has no per-environment limit, so that check is left out.
 */
function pgBossQueue(boss: PgBoss, rows?: { db: PrismaClient; target: Target }): Queue {
  const claimed = new Map<string, { id: string; attempt: number }>();
  return {
    async enqueue() {
      const id = rows ? await queueRunWithJob(rows.db, boss, rows.target) : await boss.send(QUEUE_NAME, { executionId: randomUUID() });
      if (!id) throw new Error("pg-boss send queued nothing");
      return id;
    },
    async claim() {
      const [job] = await boss.fetch<{ executionId: string }>(QUEUE_NAME);
      if (!job || !rows) return job?.id ?? null;
      const [row] = await rows.db.$queryRaw<Array<{ attempt: number }>>`
        UPDATE executions SET status = 'running', attempt = attempt + 1, started_at = now(),
          lease_expires_at = now() + make_interval(secs => ${CLAIM_LEASE_MS / 1000})
        WHERE id = ${job.data.executionId} AND status = 'queued'
        RETURNING attempt`;
      if (!row) throw new Error(`execution ${job.data.executionId} of job ${job.id} was not queued`);
      claimed.set(job.id, { id: job.data.executionId, attempt: row.attempt });
      return job.id;
    },
    async complete(jobId) {
      const execution = claimed.get(jobId);
      if (execution) {
        claimed.delete(jobId);
        const recorded = await recordOutcome(rows!.db, execution, NO_OP_OUTCOME);
        if (!recorded.ok) throw new Error(`recordOutcome failed: ${recorded.error.message}`);
      }
      await boss.complete(QUEUE_NAME, jobId);
    },
  };
}

async function measureQueue(queue: Queue, config: QueueConfig) {
  const enqueue = await timed(async () => {
    for (let index = 0; index < config.jobs; index++) await queue.enqueue();
  });
  const claimMs: number[] = [];
  const drain = await timed(() => Promise.all(Array.from({ length: CLAIMERS }, () => drainAll(queue, claimMs))));
  const drained = drain.value.reduce((sum, count) => sum + count, 0);
  if (drained !== config.jobs) throw new Error(`drained ${drained} of ${config.jobs} runs`);
  const tenth = Math.ceil(config.jobs / 10);
  return {
    jobs: config.jobs,
    claimers: CLAIMERS,
    enqueuePerSecond: round((config.jobs / enqueue.ms) * 1000, 0),
    claimCompletePerSecond: round((config.jobs / drain.ms) * 1000, 0),
    claimedPerClaimer: drain.value,
    // One claim's time while the backlog is nearly all N runs, and once nearly drained.
    claimMs: { firstTenth: summarize(claimMs.slice(0, tenth)), lastTenth: summarize(claimMs.slice(-tenth)) },
    queuedToClaimedMs: await trickle(queue, config),
    trickleJobs: config.trickleJobs,
    trickleGapMs: config.trickleGapMs,
  };
}

/** Claims and finishes runs one at a time until the queue is empty, timing each claim; answers how many. */
async function drainAll(queue: Queue, claimMs: number[]): Promise<number> {
  let count = 0;
  for (;;) {
    const claim = await timed(() => queue.claim());
    if (!claim.value) return count;
    claimMs.push(claim.ms);
    await queue.complete(claim.value);
    count++;
  }
}

/**
 * Queues runs one at a time, `trickleGapMs` apart, while the claimers wait; each enqueue wakes
 * them, as queueing a run wakes the app's worker in the same process.
 */
async function trickle(queue: Queue, config: QueueConfig) {
  const wake = new Wake();
  const queuedAt = new Map<string, number>();
  const latencies: number[] = [];
  let stopped = false;
  const claimer = async () => {
    while (!stopped || latencies.length < config.trickleJobs) {
      const seen = wake.generation;
      const id = await queue.claim();
      if (!id) {
        // After the last enqueue nothing wakes them: the other claimer is taking the last runs.
        if (stopped) await new Promise((resolve) => setTimeout(resolve, 5));
        else if (wake.generation === seen) await wake.wait(IDLE_POLL_MS);
        continue;
      }
      const claimedAt = performance.now();
      // A run is claimed only after its enqueue returned; its time is noted right then.
      latencies.push(claimedAt - queuedAt.get(id)!);
      await queue.complete(id);
    }
  };
  const claimers = Array.from({ length: CLAIMERS }, claimer);
  for (let index = 0; index < config.trickleJobs; index++) {
    const id = await queue.enqueue();
    queuedAt.set(id, performance.now());
    wake.notify();
    await new Promise((resolve) => setTimeout(resolve, config.trickleGapMs));
  }
  stopped = true;
  wake.notify();
  await Promise.all(claimers);
  return summarize(latencies);
}

/** Wakes waiting claimers; the generation tells a claimer that came back empty-handed whether it missed a wake. */
class Wake {
  generation = 0;
  #waiting: Array<() => void> = [];

  notify() {
    this.generation++;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resume of waiting) resume();
  }

  wait(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/**
 * What queueing a run costs with pg-boss: the execution row is still written (the run's record),
 * plus the job. Three ways in turn, so all see the same machine: the row alone (Draftline), the
 * row and then `send` (two commits), and both in one Prisma transaction through send's `db`.
 */
async function measureEnqueuePairs(db: PrismaClient, boss: PgBoss, target: Target, rounds: number) {
  const samples = { rowOnly: [] as number[], rowThenSend: [] as number[], rowAndSendInOneTransaction: [] as number[] };
  const variants: Array<[keyof typeof samples, () => Promise<unknown>]> = [
    ["rowOnly", () => queueRun(db, target)],
    ["rowThenSend", async () => boss.send(QUEUE_NAME, { executionId: await queueRun(db, target) })],
    ["rowAndSendInOneTransaction", () => queueRunWithJob(db, boss, target)],
  ];
  for (let round = 0; round < rounds; round++) {
    for (const [name, enqueue] of round % 2 === 0 ? variants : [...variants].reverse()) {
      samples[name].push((await timed(enqueue)).ms);
    }
  }
  const rowOnly = summarize(samples.rowOnly);
  const rowThenSend = summarize(samples.rowThenSend);
  const rowAndSendInOneTransaction = summarize(samples.rowAndSendInOneTransaction);
  return {
    rounds,
    rowOnlyMs: rowOnly,
    rowThenSendMs: rowThenSend,
    rowAndSendInOneTransactionMs: rowAndSendInOneTransaction,
    rowThenSendTimesRowOnly: ratio(rowThenSend.p50, rowOnly.p50),
    rowAndSendInOneTransactionTimesRowOnly: ratio(rowAndSendInOneTransaction.p50, rowOnly.p50),
  };
}

/** Both queues on PGlite and, given its address, on the PostgreSQL server. */
export async function benchQueues(condition: "quiet" | "loaded", serverUrl: string | undefined, config: QueueConfig) {
  const databases = [{ kind: "pglite", open: openPglite }, ...(serverUrl ? [{ kind: "postgresql", open: () => openPostgres(serverUrl) }] : [])];
  const results = [];
  for (const { kind, open } of databases) {
    log(`queue, ${condition}, ${kind}: Draftline's executions table and pg-boss 10…`);
    results.push({ database: kind, ...(await benchQueue(open, config)) });
  }
  return results;
}

// `npx tsx scripts/bench/queue.ts` measures only this (on PostgreSQL too when TEST_DATABASE_URL or BENCH_DATABASE_URL is set).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const config = queueConfig(process.env.BENCH_QUICK === "1");
  const runs = await benchQueues("quiet", process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL, config);
  process.stdout.write(`${JSON.stringify({ config, runs }, null, 2)}\n`);
}
