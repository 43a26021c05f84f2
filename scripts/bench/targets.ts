import type { benchActivity } from "./activity";
import type { benchAutosave } from "./autosave";
import type { benchDeployRollback } from "./deploy-rollback";
import type { benchLoad } from "./load";
import type { benchPopoverOpen } from "./popover-open";
import type { Summary } from "./timing";
import type { benchVersionCreation } from "./version-creation";
import type { benchVersionHistory } from "./version-history";
import type { benchVersionStorage } from "./version-storage";

interface Run {
  database: string;
  versionCreation: { sizes: Awaited<ReturnType<typeof benchVersionCreation>> };
  /** Measured in the quiet run only: bytes do not change under load. */
  versionStorage?: Awaited<ReturnType<typeof benchVersionStorage>>;
  versionHistory: Awaited<ReturnType<typeof benchVersionHistory>>;
  autosave: { small: Awaited<ReturnType<typeof benchAutosave>>; large: Awaited<ReturnType<typeof benchAutosave>> };
  deployRollback: Awaited<ReturnType<typeof benchDeployRollback>>;
}

export interface TargetResult {
  database: string;
  name: string;
  target: string;
  value: number;
  met: boolean;
}

/**
 * The goals of issues 6 and 14, each checked against one run's numbers, the everyday case
 * first: a version changing one file, against a git commit of the same change.
 */
export function evaluateTargets(run: Run): TargetResult[] {
  const results: TargetResult[] = [];
  const check = (name: string, target: string, value: number, met: boolean) =>
    results.push({ database: run.database, name, target, value, met });

  // Issue 14: a version costs what changed, not the project's size.
  const sizes = [...run.versionCreation.sizes].sort((left, right) => right.files - left.files);
  for (const [files, limit] of [[5000, 1], [1000, 0.5]] as const) {
    const size = sizes.find((entry) => entry.files === files);
    if (!size) continue;
    const ratio = size.oneFileChanged.ratio;
    check(`version creation, 1 file changed of ${files} files (version after a 1-file edit ÷ commit of it, medians)`, `≤ ${limit.toFixed(1)}× git`, ratio, ratio <= limit);
  }
  for (const size of sizes.filter((entry) => entry.files >= 1000)) {
    const ratio = size.firstVersion.ratio;
    check(`version creation, ${size.files} files (first version ÷ first commit, medians)`, "≤ 1.0× git", ratio, ratio <= 1);
  }
  // Without planner statistics: how the embedded database always runs (see benchVersionHistory).
  const history = run.versionHistory.withoutStatistics;
  for (const [name, entry] of [
    ["version history search, many matches", history.searchManyMatches],
    ["version history search, no match", history.searchNoMatch],
    [`Version History first page of ${run.versionHistory.versions} versions (p95)`, history.firstPage],
  ] as const) {
    check(name, "< 20 ms", entry.ms.p95, entry.ms.p95 < 20);
  }
  const large = run.autosave.large;
  check(`autosave, ${Math.round(large.fileBytes / 1000)} KB file (p95)`, "< 20 ms", large.ms.p95, large.ms.p95 < 20);

  // Issue 6. Storage counts bytes, so the loaded run leaves it out.
  if (run.versionStorage) {
    const storage = run.versionStorage.ratioToGitLoose;
    check(`storage of a version changing 1 of ${run.versionStorage.files} files (÷ git loose objects, mean of ${run.versionStorage.versionsMeasured})`, "≤ 1.5× git", storage, storage <= 1.5);
  }
  for (const [label, entry] of [
    ["first page", history.firstPage],
    ["first page with search", history.searchManyMatches],
    ["first page filtered by an author nobody is", history.filterAuthorNoMatch],
  ] as const) {
    check(`version history ${label}, ${run.versionHistory.versions} versions (p95)`, "< 100 ms", entry.ms.p95, entry.ms.p95 < 100);
  }
  for (const entry of [run.autosave.small, run.autosave.large]) {
    check(`autosave of a ${Math.round(entry.fileBytes / 1000)} KB file (p95)`, "< 50 ms", entry.ms.p95, entry.ms.p95 < 50);
  }
  for (const [state, pair] of [
    ["no statistics", run.deployRollback.withoutStatistics],
    ["stale statistics", run.deployRollback.staleStatistics],
  ] as const) {
    const versions = `${pair.many.versions} vs ${pair.few.versions} versions, ${state} (p50 ratio)`;
    check(`deploy, ${versions}`, "≤ 1.2×", pair.deployRatio, pair.deployRatio <= 1.2);
    check(`rollback, ${versions}`, "≤ 1.2×", pair.rollbackRatio, pair.rollbackRatio <= 1.2);
  }
  return results;
}

/** Issue 10: rows on screen within 300 ms of the click on a loaded page, first opening and later ones. */
export function evaluatePopoverTargets(popover: Awaited<ReturnType<typeof benchPopoverOpen>>): TargetResult[] {
  const check = (label: string, ms: Summary): TargetResult => ({
    database: "browser",
    name: `Version History popover, click to first row, ${label} (${popover.versions} versions, median of ${ms.n})`,
    target: "< 300 ms",
    value: ms.p50,
    met: ms.p50 < 300,
  });
  return [check("first open after load", popover.firstOpenAfterLoad.ms), check("reopen", popover.reopen.ms)];
}

/** Issue 12: the Activity page's server time at 100,000 events, without planner statistics (see benchActivity). */
export function evaluateActivityTargets(run: { database: string; activity: Awaited<ReturnType<typeof benchActivity>> }): TargetResult[] {
  const pages = run.activity.withoutStatistics;
  return (
    [
      ["first page", pages.firstPage],
      ["filtered by person", pages.byPerson],
      ["filtered by kind", pages.byKind],
      ["filtered by environment", pages.byEnvironment],
      ["filtered by one day", pages.byDay],
      ["filtered by a date range", pages.byDateRange],
      ["deep page (90% of the way to the oldest)", pages.deepPage],
      ["people for the person filter", pages.people],
    ] as const
  ).map(([label, entry]) => ({
    database: run.database,
    name: `activity ${label}, ${run.activity.events} events, no statistics (p95)`,
    target: "< 100 ms",
    value: entry.ms.p95,
    met: entry.ms.p95 < 100,
  }));
}

/**
 * Issue 14: the production server under 50 builders autosaving every second while 5 people page
 * through Version History: saves stay fast, nothing fails, and nothing acknowledged is lost.
 */
export function evaluateLoadTargets(load: Awaited<ReturnType<typeof benchLoad>>): TargetResult[] {
  const under = `${load.builders} builders autosaving every second and ${load.readers} paging Version History for ${load.seconds} s`;
  const errors = load.saves.errors.total + load.versionHistoryPages.errors.total;
  const lost = load.lostAcknowledgedSaves.lost;
  return [
    { database: load.database, name: `load: autosave (p95 of ${load.saves.ms.n}), ${under}`, target: "< 100 ms", value: load.saves.ms.p95, met: load.saves.ms.p95 < 100 },
    { database: load.database, name: `load: failed saves and Version History pages, ${under}`, target: "0", value: errors, met: errors === 0 },
    { database: load.database, name: `load: acknowledged saves the database does not hold afterwards, ${under}`, target: "0", value: lost, met: lost === 0 },
  ];
}
