import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listVersions, type VersionFilters } from "@/lib/versions/list-versions";
import { insertVersions, loadProject } from "./fixtures";
import { summarize, timeMs } from "./timing";

const WARM_UP_CALLS = 5;

/**
 * Server time of the Version History popover's first page (50 rows) in a project of
 * `versionCount` versions: plain, with a search that matches one version in eight, with one
 * that matches nothing, and with the popover's filters (origin: one version in three; an author
 * and an environment that match nothing, the most rows to look at).
 *
 * Measured twice: as the rows were inserted, with no planner statistics, which is how the
 * embedded database always runs (PGlite is a single backend without autovacuum, so nothing
 * ever runs ANALYZE), and again after ANALYZE, which is how a PostgreSQL server runs once
 * autovacuum has seen the inserts.
 */
export async function benchVersionHistory(db: PrismaClient, versionCount: number, calls: number) {
  const projectId = await loadProject(db, [{ path: "README.md", content: "# History fixture\n" }]);
  await insertVersions(db, projectId, versionCount);

  const measure = async (filters: VersionFilters = {}) => {
    const firstPage = () => listVersions(db, { projectId, ...filters, limit: 50 });
    for (let call = 0; call < WARM_UP_CALLS; call++) await firstPage();
    const samples: number[] = [];
    for (let call = 0; call < calls; call++) samples.push(await timeMs(firstPage));
    const page = await firstPage();
    return { filters, matches: page.total, rows: page.items.length, ms: summarize(samples) };
  };
  const measureAll = async () => ({
    firstPage: await measure(),
    searchManyMatches: await measure({ search: "retry" }),
    searchNoMatch: await measure({ search: "no such words anywhere" }),
    filterOrigin: await measure({ origin: "backup" }),
    filterAuthorNoMatch: await measure({ author: "nobody@example.com" }),
    filterEnvironmentNoMatch: await measure({ environment: "production" }),
  });

  const withoutStatistics = await measureAll();
  await db.$executeRaw`ANALYZE versions`;
  return { versions: versionCount, withoutStatistics, afterAnalyze: await measureAll() };
}
