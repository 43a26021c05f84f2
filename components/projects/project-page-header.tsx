import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/auth/account";
import { BrandLink } from "@/components/ui/brand-link";

/**
 * The header of a project's own pages (Environments, Members, Activity): the brand, the project
 * linking back to its workspace, the page's name, then the page's controls (`children`) and the
 * Account menu.
 */
export function ProjectPageHeader({ project, page, children }: { project: { slug: string; name: string }; page: string; children?: ReactNode }) {
  return (
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
      <span className="shrink-0 text-sm text-slate-700">{page}</span>
      <div className="ml-auto flex shrink-0 items-center gap-2">
        {children}
        <AccountMenu />
      </div>
    </header>
  );
}
