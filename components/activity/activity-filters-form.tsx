import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { hasActivityFilters, type ActivityFilters } from "@/lib/audit/activity-filters";
import { KIND_LABELS } from "@/lib/audit/describe-event";
import type { ActivityPerson } from "@/lib/audit/list-activity-people";
import type { EnvironmentName } from "@/lib/environments/list-environment-names";

const CONTROL =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200";

interface Props {
  action: string;
  filters: ActivityFilters;
  people: ActivityPerson[];
  environments: EnvironmentName[];
}

/**
 * A GET form: applying it puts the filters in the URL (shareable, back/forward work, and the
 * exports carry them), and it works before the page's scripts load.
 */
export function ActivityFiltersForm({ action, filters, people, environments }: Props) {
  const kinds = Object.entries(KIND_LABELS).sort(([, a], [, b]) => a.localeCompare(b));
  // A kind in the URL that the labels do not know (another part of the app logs it) stays selectable.
  if (filters.kind && !kinds.some(([kind]) => kind === filters.kind)) kinds.push([filters.kind, filters.kind]);
  return (
    <Form action={action} aria-label="Filter activity" className="grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-3 lg:grid-cols-6">
      <Filter label="Person">
        <select name="person" defaultValue={filters.person ?? ""} className={CONTROL}>
          <option value="">Everyone</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </Filter>
      <Filter label="Kind">
        <select name="kind" defaultValue={filters.kind ?? ""} className={CONTROL}>
          <option value="">Every kind</option>
          {kinds.map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </Filter>
      <Filter label="Environment">
        <select name="environment" defaultValue={filters.environmentId ?? ""} className={CONTROL}>
          <option value="">Any or none</option>
          {environments.map((environment) => (
            <option key={environment.id} value={environment.id}>
              {environment.name}
            </option>
          ))}
        </select>
      </Filter>
      <Filter label="From">
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={CONTROL} />
      </Filter>
      <Filter label="To">
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={CONTROL} />
      </Filter>
      <div className="col-span-2 flex items-center gap-2 md:col-span-1">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {hasActivityFilters(filters) ? (
          <Link href={action} className="rounded px-1 text-sm font-medium text-slate-700 underline focus-visible:outline-2 focus-visible:outline-indigo-600">
            Clear filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

function Filter({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-800">
      {label}
      {children}
    </label>
  );
}
