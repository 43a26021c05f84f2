"use client";

import dynamic from "next/dynamic";
import { EditorLoading } from "./editor-loading";

// Monaco touches `window` as soon as it loads, so it is only ever loaded in the browser.
export const CodeEditor = dynamic(() => import("./code-editor").then((module) => module.CodeEditor), {
  ssr: false,
  loading: EditorLoading,
});

export const ReadOnlyDiff = dynamic(() => import("./read-only-diff").then((module) => module.ReadOnlyDiff), {
  ssr: false,
  loading: EditorLoading,
});
