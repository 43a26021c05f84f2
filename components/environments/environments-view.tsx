"use client";

import Link from "next/link";
import { AccountMenu } from "@/components/auth/account";
import { BrandLink } from "@/components/ui/brand-link";
import { DeployButton } from "@/components/deploy/deploy-button";
import { DeployProvider } from "@/components/deploy/deploy-context";
import { projectConvention } from "@/components/naming/project-convention";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { DeploymentRequests } from "@/components/requests/deployment-requests";
import { PendingRequestsLink } from "@/components/requests/pending-requests-link";
import { EnvironmentSection } from "./environment-section";
import { nextEnvironment, useEnvironments } from "./queries";
import type { EnvironmentJson } from "@/lib/environments/environment-json";

/** The Environments page: every environment of the project, in order. */
export function EnvironmentsView({ project, initialEnvironments }: { project: ProjectSummary; initialEnvironments: EnvironmentJson[] }) {
  return (
    <DeployProvider slug={project.slug} convention={projectConvention(project.namingConvention)} initialEnvironments={initialEnvironments}>
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
          <span className="shrink-0 text-sm text-slate-700">Environments</span>
          <div className="ml-auto flex shrink-0 items-center gap-2">
            <PendingRequestsLink slug={project.slug} />
            <DeployButton />
            <AccountMenu />
          </div>
        </header>
        <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">Environments</h1>
            <p className="mt-1 text-sm text-slate-600">
              Where {project.name} runs. Each environment runs one version with its own settings; rolling back only moves which version is active.
            </p>
          </div>
          <DeploymentRequests slug={project.slug} />
          <EnvironmentList slug={project.slug} />
        </main>
      </div>
    </DeployProvider>
  );
}

function EnvironmentList({ slug }: { slug: string }) {
  const environments = useEnvironments(slug);
  if (!environments.data) {
    return <p className="text-sm text-red-800">{environments.error ? `The environments could not be loaded: ${environments.error.message}` : "Loading…"}</p>;
  }
  return environments.data.map((environment) => (
    <EnvironmentSection key={environment.id} slug={slug} environment={environment} next={nextEnvironment(environments.data, environment.id)} />
  ));
}
