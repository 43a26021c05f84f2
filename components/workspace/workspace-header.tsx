import Link from "next/link";
import { VersionHistory } from "@/components/versions/version-history";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import type { FileSnapshot } from "./draft-file-state";
import { SaveStatus } from "./save-status";

interface WorkspaceHeaderProps {
  project: ProjectSummary;
  statuses: ReadonlyMap<string, FileSnapshot>;
  selectedPath: string | null;
  onOpen: (path: string) => void;
}

export function WorkspaceHeader({ project, statuses, selectedPath, onOpen }: WorkspaceHeaderProps) {
  return (
    <header className="flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
      <Link
        href="/"
        className="flex items-center gap-2 rounded text-sm font-semibold text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-xs font-bold text-white">
          D
        </span>
        Draftline
      </Link>
      <span aria-hidden className="text-slate-300">
        /
      </span>
      <h1 className="min-w-0 truncate text-sm font-semibold text-slate-900">{project.name}</h1>
      <SaveStatus statuses={statuses} selectedPath={selectedPath} onOpen={onOpen} />
      <div className="ml-auto flex items-center gap-2">
        <VersionHistory project={project} />
      </div>
    </header>
  );
}
