"use client";

import dynamic from "next/dynamic";
import { EditorLoading } from "./editor-loading";
import { startMonacoWorkers } from "./monaco-workers";

// The workers download beside the editor's own code rather than after it.
startMonacoWorkers();

// Monaco touches `window` as soon as it loads, so it is only ever loaded in the browser; it shows
// once every language's support is here, so a lost connection cannot leave a file half-working.
export const CodeEditor = dynamic(
  async () => {
    const { CodeEditor, languagesLoaded } = await import("./code-editor");
    await languagesLoaded;
    return CodeEditor;
  },
  { ssr: false, loading: EditorLoading },
);

export const ReadOnlyDiff = dynamic(
  async () => {
    const { ReadOnlyDiff, languagesLoaded } = await import("./read-only-diff");
    await languagesLoaded;
    return ReadOnlyDiff;
  },
  { ssr: false, loading: EditorLoading },
);
