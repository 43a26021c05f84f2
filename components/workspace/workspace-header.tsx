import Link from "next/link";
import { BrandLink } from "@/components/ui/brand-link";
import { DeployButton } from "@/components/deploy/deploy-button";
import { DeployProvider } from "@/components/deploy/deploy-context";
import { projectConvention } from "@/components/naming/project-convention";
import { ProjectSettings } from "@/components/settings/project-settings";
import { RestoreConfirmation } from "@/components/restore/restore-confirmation";
import { RestoreFromHistory } from "@/components/restore/restore-from-history";
import { VersionHistory } from "@/components/versions/version-history";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import type { FileSnapshot } from "./draft-file-state";
import { DraftStatusText } from "./draft-status";
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
      <BrandLink />
      <h1 className="min-w-0 truncate text-sm font-semibold text-slate-900">{project.name}</h1>
      <SaveStatus statuses={statuses} selectedPath={selectedPath} onOpen={onOpen} />
      <DraftStatusText slug={project.slug} />
      {/* Around the popover too: its rows offer Deploy… and show where each version runs. */}
      <DeployProvider slug={project.slug} convention={projectConvention(project.namingConvention)}>
        <div className="ml-auto flex items-center gap-2">
          <Link
            href={`/projects/${encodeURIComponent(project.slug)}/environments`}
            className="rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            Environments
          </Link>
          <RestoreFromHistory slug={project.slug}>
            <VersionHistory project={project} />
          </RestoreFromHistory>
          <DeployButton />
          <ProjectSettings project={project} />
        </div>
      </DeployProvider>
      <RestoreConfirmation slug={project.slug} />
    </header>
  );
}
