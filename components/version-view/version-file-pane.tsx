"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FileLoading } from "@/components/editor/file-loading";
import { CodeEditor } from "@/components/editor/lazy";
import type { VersionJson } from "@/lib/versions/version-json";
import { fetchVersionFile, versionFileKeys } from "./queries";

const ignoreChange = () => undefined;
const noEvents = () => () => undefined;

/** One file of the version in a read-only editor. */
export function VersionFilePane({ project, version, path }: { project: { id: string; slug: string }; version: VersionJson; path: string }) {
  const content = useQuery({
    queryKey: versionFileKeys.file(project.slug, version.id, path),
    queryFn: ({ signal }) => fetchVersionFile(project.slug, version.id, path, signal),
    staleTime: Infinity,
  });
  // Until the next file has arrived the editor keeps the previous one, covered by a loading state.
  const [shown, setShown] = useState<{ path: string; text: string } | null>(null);
  if (content.data && shown?.path !== path) setShown({ path, text: content.data.content });

  return (
    <main className="flex min-w-0 flex-1 flex-col bg-white">
      <div className="flex h-10 shrink-0 items-center gap-3 border-b border-slate-200 px-4">
        <p className="min-w-0 truncate text-sm font-medium text-slate-900">{path}</p>
        <span className="ml-auto rounded bg-slate-100 px-1.5 py-px text-[11px] font-medium text-slate-700 ring-1 ring-inset ring-slate-200">
          Read-only
        </span>
      </div>
      <div className="relative min-h-0 flex-1">
        {shown ? (
          <CodeEditor
            // Models of the version, kept apart from the draft's models of the same paths.
            projectId={`${project.id}@${version.id}`}
            path={shown.path}
            initialText={shown.text}
            readOnly
            readOnlyMessage={`Version ${version.name} never changes. To edit from it, use Restore as draft.`}
            onChange={ignoreChange}
            onBlur={ignoreChange}
            subscribe={noEvents}
            ariaLabel={`Contents of ${shown.path} in version ${version.name}, read-only`}
          />
        ) : null}
        {shown?.path !== path ? <FileLoading error={content.error} onRetry={() => void content.refetch()} /> : null}
      </div>
    </main>
  );
}
