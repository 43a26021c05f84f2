"use client";

import { Editor, type OnMount } from "@monaco-editor/react";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { languageForPath } from "@/lib/files/language-for-path";
import { EditorLoading } from "./editor-loading";
import { EDITOR_THEME, monaco } from "./monaco-setup";

export { languagesLoaded } from "./monaco-setup";

/** Tells the editor that text changed outside it, or that a file's history can go. */
export type ModelEvent = { type: "replaced"; path: string; text: string } | { type: "forgotten"; path: string };

export interface CodeEditorProps {
  projectId: string;
  path: string;
  /** The text a file starts with the first time it is shown; later its model keeps it, with its undo history. */
  initialText: string;
  onChange: (path: string, text: string) => void;
  onBlur: (path: string) => void;
  subscribe: (listener: (event: ModelEvent) => void) => () => void;
  ariaLabel: string;
  readOnly?: boolean;
  /** Shown when someone tries to type while read-only; Monaco's own words otherwise. */
  readOnlyMessage?: string;
}

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  fontSize: 13,
  lineHeight: 20,
  tabSize: 2,
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  padding: { top: 12, bottom: 12 },
  renderLineHighlight: "line",
  smoothScrolling: true,
};

// One model per project file: the project id keeps two projects' files apart in one page.
function modelUri(projectId: string, path: string) {
  return monaco.Uri.from({ scheme: "file", path: `/${projectId}/${path}` });
}

function pathOf(projectId: string, uri: monaco.Uri): string | null {
  const prefix = `/${projectId}/`;
  return uri.scheme === "file" && uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : null;
}

export function CodeEditor(props: CodeEditorProps) {
  const { projectId, path, initialText, onChange, onBlur, subscribe, ariaLabel, readOnly = false, readOnlyMessage } = props;
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onChange, onBlur });
  useEffect(() => {
    callbacks.current = { onChange, onBlur };
  }, [onChange, onBlur]);

  const currentPath = useCallback(() => {
    const model = editorRef.current?.getModel();
    return model ? pathOf(projectId, model.uri) : null;
  }, [projectId]);

  // The text the owner holds for this path as of the latest render. Monaco loads lazily and
  // keeps models across file switches, so a model can be older than that; it catches up here.
  const latestText = useRef({ path, text: initialText });
  useEffect(() => {
    latestText.current = { path, text: initialText };
  });
  const catchUp = useCallback(() => {
    const model = editorRef.current?.getModel();
    const latest = latestText.current;
    if (!model || pathOf(projectId, model.uri) !== latest.path || model.getValue() === latest.text) return;
    model.pushStackElement();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: latest.text }], () => null);
    model.pushStackElement();
  }, [projectId]);
  useEffect(catchUp, [catchUp, path]);

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    catchUp();
    editor.onDidBlurEditorText(() => {
      const blurred = currentPath();
      if (blurred) callbacks.current.onBlur(blurred);
    });
  };

  const handleChange = useCallback(
    (value: string | undefined) => {
      const changed = currentPath();
      if (changed !== null && value !== undefined) callbacks.current.onChange(changed, value);
    },
    [currentPath],
  );

  useEffect(
    () =>
      subscribe((event) => {
        const model = monaco.editor.getModel(modelUri(projectId, event.path));
        if (!model) return;
        if (event.type === "forgotten") model.dispose();
        if (event.type === "replaced" && model.getValue() !== event.text) {
          // An edit rather than setValue, so the user can undo back to their own text.
          model.pushStackElement();
          model.pushEditOperations([], [{ range: model.getFullModelRange(), text: event.text }], () => null);
          model.pushStackElement();
        }
      }),
    [projectId, subscribe],
  );

  useEffect(
    () => () => {
      const prefix = `/${projectId}/`;
      for (const model of monaco.editor.getModels()) {
        if (model.uri.scheme === "file" && model.uri.path.startsWith(prefix)) model.dispose();
      }
    },
    [projectId],
  );

  const options = useMemo(
    () => ({ ...OPTIONS, ariaLabel, readOnly, ...(readOnlyMessage ? { readOnlyMessage: { value: readOnlyMessage } } : {}) }),
    [ariaLabel, readOnly, readOnlyMessage],
  );

  return (
    <Editor
      path={modelUri(projectId, path).toString()}
      defaultValue={initialText}
      language={languageForPath(path)}
      theme={EDITOR_THEME}
      options={options}
      keepCurrentModel
      onMount={handleMount}
      onChange={handleChange}
      loading={<EditorLoading />}
    />
  );
}
