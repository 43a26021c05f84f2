"use client";

import { BrandLink } from "@/components/ui/brand-link";
import { AccountMenu } from "@/components/auth/account";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { compareHref } from "@/components/compare/compare-href";
import { RestoreDialog } from "@/components/restore/restore-dialog";
import { RestoreFromHistory } from "@/components/restore/restore-from-history";
import { VersionHistory } from "@/components/versions/version-history";
import { MissingFileNotice } from "@/components/workspace/missing-file-notice";
import { useSelectedFile } from "@/components/workspace/use-selected-file";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import type { VersionJson } from "@/lib/versions/version-json";
import { VersionBanner } from "./version-banner";
import { VersionFilePane } from "./version-file-pane";
import { VersionFileTree } from "./version-file-tree";

interface VersionViewProps {
  project: ProjectSummary;
  version: VersionJson;
  paths: string[];
}

/** A version's files, read-only, with the way back to the draft and the way to continue from it. */
export function VersionView({ project, version, paths }: VersionViewProps) {
  const router = useRouter();
  const { selected: selectedPath, select, missing } = useSelectedFile(paths);
  const [restoring, setRestoring] = useState(false);
  const workspaceHref = `/projects/${project.slug}`;
  // Restoring (this version, or another from the history) continues in the workspace.
  const continueInWorkspace = () => router.push(workspaceHref);

  return (
    <div className="flex h-dvh flex-col">
      <header className="flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
        <BrandLink />
        <h1 className="min-w-0 truncate text-sm font-semibold text-slate-900">{project.name}</h1>
        <div className="ml-auto flex items-center gap-2">
          <RestoreFromHistory slug={project.slug} onRestored={continueInWorkspace}>
            <VersionHistory project={project} />
          </RestoreFromHistory>
          <AccountMenu />
        </div>
      </header>
      <VersionBanner
        version={version}
        onBack={() => router.push(selectedPath ? `${workspaceHref}?${new URLSearchParams({ file: selectedPath })}` : workspaceHref)}
        onCompare={() => router.push(compareHref(project.slug, version.id, "draft"))}
        onRestore={() => setRestoring(true)}
      />
      <MissingFileNotice path={missing} where={`version ${version.name}`} shown={selectedPath} onDismiss={() => select(selectedPath)} />
      <div className="flex min-h-0 flex-1">
        <VersionFileTree paths={paths} versionName={version.name} selectedPath={selectedPath} onOpen={select} />
        {selectedPath !== null ? (
          <VersionFilePane project={project} version={version} path={selectedPath} />
        ) : (
          <main className="flex flex-1 items-center justify-center bg-white text-sm text-slate-500">This version has no files.</main>
        )}
      </div>
      <RestoreDialog
        slug={project.slug}
        version={restoring ? version : null}
        onClose={() => setRestoring(false)}
        onRestored={() => {
          setRestoring(false);
          continueInWorkspace();
        }}
      />
    </div>
  );
}
