"use client";

import type { ChangeEvent, ReactNode } from "react";
import { useEnvironments } from "@/components/environments/queries";
import { VERSION_ORIGINS, type VersionOrigin } from "@/lib/versions/version-summary";
import { useVersionAuthors, type VersionListFilters } from "./queries";

const ORIGIN_LABELS: Record<VersionOrigin, string> = { manual: "Manual", deployment: "Deployment", backup: "Backup" };

interface VersionFilterBarProps {
  slug: string;
  filters: VersionListFilters;
  onChange: (filters: VersionListFilters) => void;
}

/** Environment (the version it runs now), origin and author; each narrows the list on the server. */
export function VersionFilterBar({ slug, filters, onChange }: VersionFilterBarProps) {
  const environments = useEnvironments(slug).data ?? [];
  const authors = useVersionAuthors(slug).data ?? [];
  const set = (name: keyof VersionListFilters) => (event: ChangeEvent<HTMLSelectElement>) =>
    onChange({ ...filters, [name]: event.target.value || undefined });
  return (
    <div className="mt-2 grid grid-cols-3 gap-2">
      <FilterSelect label="Environment" value={filters.environment} onChange={set("environment")}>
        <option value="">All environments</option>
        {environments.map((environment) => (
          <option key={environment.id} value={environment.name}>
            Running in {environment.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Origin" value={filters.origin} onChange={set("origin")}>
        <option value="">All origins</option>
        {VERSION_ORIGINS.map((origin) => (
          <option key={origin} value={origin}>
            {ORIGIN_LABELS[origin]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Author" value={filters.author} onChange={set("author")}>
        <option value="">All authors</option>
        {/* The chosen author stays listed while the list of authors loads. */}
        {(filters.author && !authors.includes(filters.author) ? [filters.author, ...authors] : authors).map((author) => (
          <option key={author} value={author}>
            {author}
          </option>
        ))}
      </FilterSelect>
    </div>
  );
}

interface FilterSelectProps {
  label: string;
  value: string | undefined;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  children: ReactNode;
}

function FilterSelect({ label, value, onChange, children }: FilterSelectProps) {
  return (
    <select
      aria-label={label}
      title={label}
      value={value ?? ""}
      onChange={onChange}
      className="h-7 w-full min-w-0 truncate rounded-md border border-slate-300 bg-white px-1.5 text-xs text-slate-800 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-200"
    >
      {children}
    </select>
  );
}
