"use client";

import { DiffEditor, type DiffOnMount } from "@monaco-editor/react";
import { useEffect, useMemo, useRef } from "react";
import { EditorLoading } from "./editor-loading";
import { languageForPath } from "@/lib/files/language-for-path";
import { EDITOR_THEME, type monaco } from "./monaco-setup";

export { languagesLoaded } from "./monaco-setup";

export interface ReadOnlyDiffProps {
  path: string;
  original: string;
  modified: string;
  /** One column with removed lines above the added ones, instead of two columns. */
  inline: boolean;
  /** Names the two sides for screen readers: "README.md in 1.0.0 #1". */
  originalLabel: string;
  modifiedLabel: string;
  /** Makes the right side editable (merging a conflict) and reports its text as it changes. */
  onModifiedChange?: (text: string) => void;
}

const OPTIONS: monaco.editor.IDiffEditorConstructionOptions = {
  readOnly: true,
  originalEditable: false,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  renderOverviewRuler: false,
  // The Inline view toggle decides the layout, not the width of the window.
  useInlineViewWhenSpaceIsLimited: false,
};

// Long files differ in a few places: show those, folding the lines both sides share.
const FOLD_UNCHANGED = { enabled: true, contextLineCount: 3, minimumLineCount: 5, revealLineCount: 20 };

/** Two texts of one file, side by side or inline; read-only unless the right side's changes are asked for. */
export function ReadOnlyDiff({ path, original, modified, inline, originalLabel, modifiedLabel, onModifiedChange }: ReadOnlyDiffProps) {
  const identical = original === modified;
  const editable = onModifiedChange !== undefined;
  // Any options update resets the inner editors' labels to the ones it carries (to none at
  // start-up), so they travel with every update and are applied again once mounted.
  const options = useMemo(
    () => ({
      ...OPTIONS,
      readOnly: !editable,
      renderSideBySide: !inline,
      hideUnchangedRegions: { ...FOLD_UNCHANGED, enabled: !identical },
      originalAriaLabel: `${path} in ${originalLabel}`,
      modifiedAriaLabel: `${path} in ${modifiedLabel}`,
    }),
    [inline, identical, editable, path, originalLabel, modifiedLabel],
  );
  const models = useRef<monaco.editor.IDiffEditorModel | null>(null);
  const reportChange = useRef(onModifiedChange);
  useEffect(() => {
    reportChange.current = onModifiedChange;
  }, [onModifiedChange]);
  const handleMount: DiffOnMount = (editor) => {
    models.current = editor.getModel();
    editor.updateOptions(options);
    const right = editor.getModifiedEditor();
    right.onDidChangeModelContent(() => reportChange.current?.(right.getValue()));
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
      original={original}
      modified={modified}
      language={languageForPath(path)}
      theme={EDITOR_THEME}
      options={options}
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      onMount={handleMount}
      loading={<EditorLoading />}
    />
  );
}
