import Link from "next/link";
import { BrandLink } from "@/components/ui/brand-link";
import { activityQuery, hasActivityFilters, type ActivityFilters } from "@/lib/audit/activity-filters";
import type { ActivityPerson } from "@/lib/audit/list-activity-people";
import type { ActivityPage } from "@/lib/audit/list-activity";
import type { EnvironmentName } from "@/lib/environments/list-environment-names";
import type { Wire } from "@/lib/http/wire";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { ActivityFiltersForm } from "./activity-filters-form";
import { ActivityTable } from "./activity-table";

interface ActivityViewProps {
  project: ProjectSummary;
  filters: ActivityFilters;
  /** Null when the URL's filters or cursor could not be read (`problem` says why). */
  page: Wire<ActivityPage> | null;
  problem: string | null;
  people: ActivityPerson[];
  environments: EnvironmentName[];
}

const LINK = "rounded-md px-2 py-1.5 text-sm font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

/** The Activity page: who changed what and when, filtered by the URL, a page at a time, with exports of the same selection. */
export function ActivityView({ project, filters, page, problem, people, environments }: ActivityViewProps) {
  const base = `/projects/${encodeURIComponent(project.slug)}/activity`;
  const exportHref = (format: "csv" | "jsonl") => {
    const query = activityQuery(filters);
    return `/api/projects/${encodeURIComponent(project.slug)}/activity/export${query ? `${query}&` : "?"}format=${format}`;
  };
  const environmentNames = new Map(environments.map((environment) => [environment.id, environment.name]));

  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="flex h-14 items-center gap-2 border-b border-slate-200 bg-white px-3 sm:gap-4 sm:px-4">
        <BrandLink />
        <Link
          href={`/projects/${encodeURIComponent(project.slug)}`}
          className="min-w-0 truncate rounded text-sm font-semibold text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {project.name}
        </Link>
        <span aria-hidden className="text-slate-300">
          /
        </span>
        <span className="shrink-0 text-sm text-slate-700">Activity</span>
      </header>
      <main className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">Activity</h1>
            <p className="mt-1 text-sm text-slate-600">Every change to {project.name}: who made it, when, and what it changed. Dates are UTC days; secret values are never shown.</p>
          </div>
          <div className="flex gap-1">
            <a href={exportHref("csv")} download className={LINK}>
              Export CSV
            </a>
            <a href={exportHref("jsonl")} download className={LINK}>
              Export JSON
            </a>
          </div>
        </div>
        {/* Keyed by the filters, so its fields show the URL's values again after a link changes them. */}
        <ActivityFiltersForm key={activityQuery(filters)} action={base} filters={filters} people={people} environments={environments} />
        {problem ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {problem}{" "}
            <Link href={base} className="font-medium underline">
              Show all activity
            </Link>
          </p>
        ) : null}
        {page ? (
          <>
            <ActivityTable events={page.items} environmentNames={environmentNames} filtered={hasActivityFilters(filters)} />
            <nav aria-label="Activity pages" className="flex items-center justify-between gap-2">
              {page.newerAfter ? (
                <Link href={`${base}${activityQuery(filters, { after: page.newerAfter })}`} className={LINK}>
                  ← Newer events
                </Link>
              ) : (
                <span />
              )}
              {page.olderBefore ? (
                <Link href={`${base}${activityQuery(filters, { before: page.olderBefore })}`} className={LINK}>
                  Older events →
                </Link>
              ) : null}
            </nav>
          </>
        ) : null}
      </main>
    </div>
  );
}
