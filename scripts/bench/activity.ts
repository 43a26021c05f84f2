import type { ActivityCursor, ActivityFilters } from "@/lib/audit/activity-filters";
import { listActivity } from "@/lib/audit/list-activity";
import { listActivityPeople } from "@/lib/audit/list-activity-people";
import { listEnvironmentNames } from "@/lib/environments/list-environment-names";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadProject } from "./fixtures";
import { summarize, timeMs } from "./timing";

const WARM_UP_CALLS = 5;
const PEOPLE = 20;
const KINDS = [
  "version.created",
  "deployment.deployed",
  "deployment.rolled_back",
  "settings.changed",
  "draft.restored",
  "member.invited",
  "request.created",
] as const;
const START = "2026-01-01T00:00:00Z";

/**
 * Server time of the Activity page in a project of `eventCount` events (one a minute from
 * 2026-01-01, cycling through 20 people, 7 kinds and 3 environments or none; another project
 * holds a fifth as many): the first page, the page narrowed by each filter (a person: 1 event
 * in 20; a kind: 1 in 7; an environment: 1 in 4; one day in the middle; a kind nobody logged),
 * a deep page (the cursor 90% of the way to the oldest event), and the person list the filter
 * offers. Measured as inserted, without planner statistics (how PGlite always runs), and after
 * ANALYZE.
 */
export async function benchActivity(db: PrismaClient, eventCount: number, calls: number) {
  const environments = ["development", "staging", "production"];
  const projectId = await loadProject(db, [{ path: "README.md", content: "# Activity fixture\n" }], environments);
  const otherId = await loadProject(db, [{ path: "README.md", content: "# Neighbour\n" }], environments);
  await insertEvents(db, otherId, Math.round(eventCount / 5));
  await insertEvents(db, projectId, eventCount);
  const ids = await db.auditEvent.findMany({ where: { projectId }, select: { id: true }, orderBy: { id: "asc" }, skip: Math.floor(eventCount / 10), take: 1 });
  const deepBefore = ids[0]!.id;
  const production = (await listEnvironmentNames(db, projectId)).find((environment) => environment.name === "production")!.id;

  const measure = async (work: () => Promise<unknown>) => {
    for (let call = 0; call < WARM_UP_CALLS; call++) await work();
    const samples: number[] = [];
    for (let call = 0; call < calls; call++) samples.push(await timeMs(work));
    return summarize(samples);
  };
  const page = async (filters: ActivityFilters, cursor: ActivityCursor = {}) => {
    const list = () => listActivity(db, { projectId, filters, cursor });
    const rows = (await list()).items.length;
    return { filters: Object.keys(filters).join("+") || "none", rows, ms: await measure(list) };
  };
  const measureAll = async () => ({
    firstPage: await page({}),
    byPerson: await page({ person: "bench-user-7" }),
    byKind: await page({ kind: "settings.changed" }),
    byKindNoMatch: await page({ kind: "request.bypassed" }),
    byEnvironment: await page({ environmentId: production }),
    byDay: await page({ from: "2026-02-04", to: "2026-02-04" }),
    byDateRange: await page({ from: "2026-01-10", to: "2026-02-20" }),
    deepPage: await page({}, { before: deepBefore }),
    deepPageByPerson: await page({ person: "bench-user-7" }, { before: deepBefore }),
    people: { rows: (await listActivityPeople(db, projectId)).length, ms: await measure(() => listActivityPeople(db, projectId)) },
  });

  const withoutStatistics = await measureAll();
  await db.$executeRaw`ANALYZE audit_events`;
  return { events: eventCount, withoutStatistics, afterAnalyze: await measureAll() };
}

async function insertEvents(db: PrismaClient, projectId: string, count: number) {
  const environments = (await listEnvironmentNames(db, projectId)).map((environment) => environment.id);
  await db.$executeRaw`
    INSERT INTO audit_events (project_id, environment_id, actor_id, actor_name, kind, summary, created_at)
    SELECT ${projectId},
      (${environments}::text[])[nullif(i % 4, 0)],
      'bench-user-' || (i % ${PEOPLE}),
      'Bench person ' || (i % ${PEOPLE}),
      (${[...KINDS]}::text[])[1 + i % ${KINDS.length}],
      jsonb_build_object('index', i, 'environment', 'production', 'version', jsonb_build_object('id', md5(i::text), 'number', i, 'name', '1.' || i || '.0')),
      ${START}::timestamptz + i * interval '1 minute'
    FROM generate_series(0, ${count - 1}) AS i`;
}
