"use client";

import { DiffEditor, type DiffOnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import { languageForPath } from "@/lib/files/language-for-path";
import { EditorLoading } from "./editor-loading";
import type { monaco } from "./monaco-setup";
import "./monaco-setup";

const OPTIONS = {
  readOnly: true,
  originalEditable: false,
  renderSideBySide: true,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  renderOverviewRuler: false,
  // Long files differ in a few places: show those, folding the lines both sides share.
  hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5, revealLineCount: 20 },
};

/** Their stored version on the left, this editor's text on the right, read-only. */
export function ConflictDiff({ path, theirs, mine }: { path: string; theirs: string; mine: string }) {
  const models = useRef<monaco.editor.IDiffEditorModel | null>(null);
  const handleMount: DiffOnMount = (editor) => {
    models.current = editor.getModel();
  };

  // The wrapper disposes its models before the diff editor, which Monaco reports as an error;
  // it keeps them instead, and they are disposed here once the editor is gone.
  useEffect(
    () => () => {
      const current = models.current;
      setTimeout(() => {
        current?.original.dispose();
        current?.modified.dispose();
      });
    },
    [],
  );

  return (
    <DiffEditor
      original={theirs}
      modified={mine}
      language={languageForPath(path)}
      theme="vs"
      options={OPTIONS}
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      onMount={handleMount}
      loading={<EditorLoading />}
    />
  );
}
