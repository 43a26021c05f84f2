"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import type { ModelEvent } from "@/components/editor/code-editor";
import { FileLoading } from "@/components/editor/file-loading";
import { CodeEditor } from "@/components/editor/lazy";
import { fetchFileContent, fileKeys } from "@/components/files/queries";
import { languageForPath } from "@/lib/files/language-for-path";
import type { Result } from "@/lib/result";
import { ConflictPanel } from "./conflict-panel";
import type { FileSnapshot } from "./draft-file-state";
import type { DraftSaver } from "./draft-saver";
import { FileNotice } from "./file-notice";

interface EditorPaneProps {
  project: { id: string; slug: string };
  path: string;
  /** False for text kept locally whose file is no longer on the server. */
  onServer: boolean;
  saver: DraftSaver;
  statuses: ReadonlyMap<string, FileSnapshot>;
  onRecreate: (path: string, content: string) => Promise<Result<unknown>>;
  /** Opens the file tree where it does not fit beside the editor. */
  filesButton: ReactNode;
}

export function EditorPane({ project, path, onServer, saver, statuses, onRecreate, filesButton }: EditorPaneProps) {
  const content = useQuery({
    queryKey: fileKeys.content(project.slug, path),
    queryFn: ({ signal }) => fetchFileContent(project.slug, path, signal),
    enabled: onServer,
    // Reopening a file asks again, so changes made elsewhere show up when nothing is pending here.
    staleTime: 0,
  });
  useEffect(() => {
    if (content.data) saver.open(content.data.path, content.data);
  }, [saver, content.data]);

  const snapshot = statuses.get(path);
  const opened = snapshot !== undefined;
  // Until the new file has arrived the editor keeps the previous one, covered by a loading state.
  const [shown, setShown] = useState<string | null>(opened ? path : null);
  if (opened && shown !== path) setShown(path);

  const subscribe = useCallback(
    (listener: (event: ModelEvent) => void) =>
      saver.onEvent((event) => {
        if (event.type === "replaced" || event.type === "forgotten") listener(event);
      }),
    [saver],
  );
  const onChange = useCallback((changed: string, text: string) => saver.edit(changed, text), [saver]);
  const onBlur = useCallback((blurred: string) => void saver.flushPath(blurred), [saver]);

  return (
    <main className="flex min-w-0 flex-1 flex-col bg-white">
      <div className="flex h-10 shrink-0 items-center gap-3 border-b border-slate-200 px-4">
        {filesButton}
        <Breadcrumb path={path} />
        <span className="ml-auto text-xs text-slate-500">{LANGUAGE_NAMES[languageForPath(path)] ?? "Plain text"}</span>
      </div>
      <FileNotice
        path={path}
        snapshot={snapshot}
        onRecreate={() => onRecreate(path, saver.textOf(path) ?? "")}
        onDiscard={() => saver.forgetUnder(path)}
      />
      <div className="relative min-h-0 flex-1">
        {shown !== null ? (
          <CodeEditor
            projectId={project.id}
            path={shown}
            initialText={saver.textOf(shown) ?? ""}
            readOnly={snapshot?.status === "conflict"}
            onChange={onChange}
            onBlur={onBlur}
            subscribe={subscribe}
            ariaLabel={`Contents of ${shown}`}
          />
        ) : null}
        {!opened ? <FileLoading error={content.error} onRetry={() => void content.refetch()} /> : null}
        {snapshot?.status === "conflict" && snapshot.theirs ? (
          <ConflictPanel
            key={`${path}@${snapshot.theirs.revision}`}
            path={path}
            theirs={snapshot.theirs}
            mine={saver.textOf(path) ?? ""}
            onKeepMine={() => saver.keepMine(path)}
            onSaveMerged={(merged) => saver.resolve(path, merged)}
            onUseTheirs={() => saver.useTheirs(path)}
          />
        ) : null}
      </div>
    </main>
  );
}

function Breadcrumb({ path }: { path: string }) {
  const segments = path.split("/");
  return (
    <p className="flex min-w-0 items-center gap-1 truncate text-sm text-slate-500">
      {segments.map((segment, index) => (
        <span key={index} className={index === segments.length - 1 ? "truncate font-medium text-slate-900" : "truncate"}>
          {segment}
          {index < segments.length - 1 ? <span className="px-1 text-slate-300">/</span> : null}
        </span>
      ))}
    </p>
  );
}

const LANGUAGE_NAMES: Record<string, string> = {
  typescript: "TypeScript",
  javascript: "JavaScript",
  json: "JSON",
  yaml: "YAML",
  markdown: "Markdown",
  sql: "SQL",
  xml: "XML",
  html: "HTML",
  css: "CSS",
  graphql: "GraphQL",
  shell: "Shell",
  python: "Python",
};
