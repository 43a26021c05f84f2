"use client";

import Link from "next/link";
import { AccountMenu } from "@/components/auth/account";
import { useRef, useState } from "react";
import { BrandLink } from "@/components/ui/brand-link";
import { DeployButton } from "@/components/deploy/deploy-button";
import { DeployProvider } from "@/components/deploy/deploy-context";
import { projectConvention } from "@/components/naming/project-convention";
import { PendingRequestsLink } from "@/components/requests/pending-requests-link";
import { ProjectSettingsButton, ProjectSettingsDialog } from "@/components/settings/project-settings";
import { RestoreConfirmation } from "@/components/restore/restore-confirmation";
import { RestoreFromHistory } from "@/components/restore/restore-from-history";
import { VersionHistory } from "@/components/versions/version-history";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import type { FileSnapshot } from "./draft-file-state";
import { DraftStatusText } from "./draft-status";
import { HeaderMenu } from "./header-menu";
import { SaveStatus } from "./save-status";

const PAGE_LABELS = { environments: "Environments", members: "Members", activity: "Activity" } as const;

interface WorkspaceHeaderProps {
  project: ProjectSummary;
  statuses: ReadonlyMap<string, FileSnapshot>;
  selectedPath: string | null;
  onOpen: (path: string) => void;
}

/**
 * Version History and Deploy stay in the header at every width (icons only when narrow); below
 * 1024 px Environments, Members, Activity and Project settings move into the More actions menu, which also links the
 * draft's comparison that the header's draft status stops showing below 768 px.
 */
export function WorkspaceHeader({ project, statuses, selectedPath, onOpen }: WorkspaceHeaderProps) {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const changeSettingsOpen = (next: boolean) => {
    setSettingsOpen(next);
    // The dialog has no Radix trigger to hand focus back to: the gear, or the menu where it is hidden.
    if (!next) setTimeout(() => (settingsButton.current?.offsetParent ? settingsButton.current : menuButton.current)?.focus(), 0);
  };

  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-3 sm:gap-3 sm:px-4">
      <BrandLink />
      <h1 className="min-w-8 shrink truncate text-sm font-semibold text-slate-900">{project.name}</h1>
      <SaveStatus statuses={statuses} selectedPath={selectedPath} onOpen={onOpen} />
      <div className="hidden min-w-0 flex-1 md:flex">
        <DraftStatusText slug={project.slug} />
      </div>
      {/* Around the popover too: its rows offer Deploy… and show where each version runs. */}
      <DeployProvider slug={project.slug} convention={projectConvention(project.namingConvention)}>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <PendingRequestsLink slug={project.slug} />
          {(["environments", "members", "activity"] as const).map((page) => (
            <Link
              key={page}
              href={`/projects/${encodeURIComponent(project.slug)}/${page}`}
              className="hidden rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 lg:inline"
            >
              {PAGE_LABELS[page]}
            </Link>
          ))}
          <RestoreFromHistory slug={project.slug}>
            <VersionHistory project={project} />
          </RestoreFromHistory>
          <DeployButton />
          <div className="hidden lg:flex">
            <ProjectSettingsButton ref={settingsButton} onClick={() => changeSettingsOpen(true)} />
          </div>
          <HeaderMenu slug={project.slug} onSettings={() => changeSettingsOpen(true)} triggerRef={menuButton} />
          <AccountMenu />
        </div>
      </DeployProvider>
      <ProjectSettingsDialog project={project} open={settingsOpen} onOpenChange={changeSettingsOpen} />
      <RestoreConfirmation slug={project.slug} />
    </header>
  );
}
