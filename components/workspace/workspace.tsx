"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo } from "react";
import { FileExplorer } from "@/components/files/file-explorer";
import { FilesDrawer } from "@/components/files/files-drawer";
import { fetchFileList, fileKeys } from "@/components/files/queries";
import type { DraftFileEntry } from "@/lib/drafts/list-draft-files";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { DraftProvider } from "./draft-context";
import type { FileSnapshot } from "./draft-file-state";
import { EditorPane } from "./editor-pane";
import { MissingFileNotice } from "./missing-file-notice";
import { RestoredNotice } from "./restored-notice";
import { useRemoteChanges } from "./use-remote-changes";
import { marksFor } from "./save-status";
import { useDraftSaver } from "./use-draft-saver";
import { useFileOperations } from "./use-file-operations";
import { useSelectedFile } from "./use-selected-file";
import { WorkspaceHeader } from "./workspace-header";

interface WorkspaceProps {
  project: ProjectSummary;
  initialFiles: DraftFileEntry[];
}

/** The project page: header, file tree and the editor, autosaving into the latest draft. */
export function Workspace({ project, initialFiles }: WorkspaceProps) {
  const { saver, statuses, restored, dismissRestored } = useDraftSaver(project);
  const files = useQuery({
    queryKey: fileKeys.list(project.slug),
    queryFn: ({ signal }) => fetchFileList(project.slug, signal),
    initialData: initialFiles,
    // Another tab may have added, renamed or deleted files meanwhile.
    refetchOnWindowFocus: true,
  });
  useRemoteChanges(project.slug, files.data);
  const serverPaths = useMemo(() => files.data.map((file) => file.path), [files.data]);
  const paths = useMemo(() => withLocalOnly(serverPaths, statuses), [serverPaths, statuses]);
  const { selected: selectedPath, select, missing } = useSelectedFile(paths);
  const operations = useFileOperations({ project, saver, selectedPath, select });
  const marks = useMemo(() => marksFor(statuses), [statuses]);
  const flush = useCallback(() => saver.flushAll(), [saver]);
  const explorer = { paths, marks, selectedPath, onOpen: select, operations };
  const filesDrawer = <FilesDrawer {...explorer} />;

  // Leaving a file saves it at once rather than after the pause.
  useEffect(() => {
    if (selectedPath === null) return;
    return () => void saver.flushPath(selectedPath);
  }, [saver, selectedPath]);

  return (
    <DraftProvider flush={flush}>
      <div className="flex h-dvh flex-col">
        <WorkspaceHeader project={project} statuses={statuses} selectedPath={selectedPath} onOpen={select} />
        <RestoredNotice paths={restored} onDismiss={dismissRestored} />
        <MissingFileNotice path={missing} where="the latest draft" shown={selectedPath} onDismiss={() => select(selectedPath)} />
        <div className="flex min-h-0 flex-1">
          <FileExplorer {...explorer} className="hidden w-64 shrink-0 border-r border-slate-200 md:flex" />
          {selectedPath !== null ? (
            <EditorPane
              project={project}
              path={selectedPath}
              onServer={serverPaths.includes(selectedPath)}
              saver={saver}
              statuses={statuses}
              onRecreate={operations.recreate}
              filesButton={filesDrawer}
            />
          ) : (
            <main className="flex flex-1 flex-col items-center justify-center gap-2 bg-white px-4 text-center text-sm text-slate-500">
              This project has no files yet. Use New file in the file list to add one.
              {filesDrawer}
            </main>
          )}
        </div>
      </div>
    </DraftProvider>
  );
}

/** Server files, plus files whose unsaved text is only in this browser (renamed or deleted elsewhere). */
function withLocalOnly(serverPaths: string[], statuses: ReadonlyMap<string, FileSnapshot>): string[] {
  const known = new Set(serverPaths);
  const localOnly = [...statuses].filter(([path, snapshot]) => !known.has(path) && snapshot.status !== "saved").map(([path]) => path);
  return localOnly.length === 0 ? serverPaths : [...serverPaths, ...localOnly];
}
