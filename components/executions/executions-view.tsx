"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { BrandLink } from "@/components/ui/brand-link";
import { ExecutionDetail } from "./execution-detail";
import { ExecutionFilters } from "./execution-filters";
import { ExecutionsTable } from "./executions-table";
import { executionsPath } from "./executions-path";
import { useExecutions, type ExecutionFilterValues } from "./queries";

interface ExecutionsViewProps {
  project: { slug: string; name: string };
  environment: { id: string; name: string };
}

/** An environment's executions, newest first, refreshed while any is queued or running; one opened in detail. */
export function ExecutionsView({ project, environment }: ExecutionsViewProps) {
  const router = useRouter();
  const search = useSearchParams();
  const selected = search.get("execution");
  const [filters, setFilters] = useState<ExecutionFilterValues>({});
  const executions = useExecutions(project.slug, environment.id, filters);
  const base = executionsPath(project.slug, environment.id);

  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="flex h-14 items-center gap-2 border-b border-slate-200 bg-white px-3 sm:gap-4 sm:px-4">
        <BrandLink />
        <Link href={`/projects/${encodeURIComponent(project.slug)}`} className="min-w-0 truncate rounded text-sm font-semibold text-slate-900 hover:underline">
          {project.name}
        </Link>
        <span aria-hidden className="text-slate-300">
          /
        </span>
        <Link href={`/projects/${encodeURIComponent(project.slug)}/environments`} className="shrink-0 rounded text-sm text-slate-700 hover:underline">
          Environments
        </Link>
      </header>
      <main className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
        <h1 className="text-xl font-semibold text-slate-900">Executions in {environment.name}</h1>
        <ExecutionFilters value={filters} onChange={setFilters} />
        {executions.data ? (
          <ExecutionsTable executions={executions.data} detailHref={(id) => `${base}?execution=${id}`} />
        ) : (
          <p className={executions.error ? "text-sm text-red-800" : "text-sm text-slate-600"} role={executions.error ? "alert" : undefined}>
            {executions.error ? `The executions could not be loaded: ${executions.error.message}` : "Loading…"}
          </p>
        )}
        {selected ? (
          <ExecutionDetail slug={project.slug} environmentId={environment.id} executionId={selected} onClose={() => router.push(base)} />
        ) : null}
      </main>
    </div>
  );
}
