import Link from "next/link";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { ProjectListEntry } from "@/lib/projects/list-projects-for-user";

/** The projects a person belongs to, each a link with their role there. */
export function ProjectList({ projects }: { projects: ProjectListEntry[] }) {
  if (projects.length === 0) {
    return <p className="mt-4 text-slate-600">You are not a member of any project yet. An admin of a project can invite you to it.</p>;
  }
  return (
    <ul aria-label="Your projects" className="mt-4 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
      {projects.map((project) => (
        <li key={project.id}>
          <Link
            className="flex items-center justify-between gap-4 px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
            href={`/projects/${project.slug}`}
          >
            <span className="min-w-0 truncate font-medium text-slate-900">{project.name}</span>
            <span className="shrink-0 text-sm text-slate-600">
              <span className="sr-only">Your role: </span>
              {ROLE_LABELS[project.role]}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
