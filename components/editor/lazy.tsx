"use client";

import dynamic from "next/dynamic";
import { EditorLoading } from "./editor-loading";
import { startMonacoWorkers } from "./monaco-workers";

// Monaco touches `window` as soon as it loads, so it is only ever loaded in the browser. Its code
// and its workers start downloading as soon as an editor page runs, not once the first file's
// text has arrived and the editor is rendered: on a busy machine that wait kept "Loading editor…" up.
startMonacoWorkers();
const codeEditor = typeof window === "undefined" ? null : import("./code-editor");

// The editor shows once every language's support is here, so a lost connection cannot leave a file half-working.
export const CodeEditor = dynamic(
  async () => {
    const { CodeEditor, languagesLoaded } = await (codeEditor ?? import("./code-editor"));
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
