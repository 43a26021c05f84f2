import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { startMonacoWorkers } from "./monaco-workers";

/* Monaco is bundled with the app (see monaco-workers.ts). Import this module only in the browser. */
const workersLoaded = startMonacoWorkers();

const { typescriptDefaults, ScriptTarget, ModuleKind, ModuleResolutionKind } = monaco.typescript;
typescriptDefaults.setCompilerOptions({
  target: ScriptTarget.ES2020,
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.NodeJs,
  allowNonTsExtensions: true,
  strict: true,
  esModuleInterop: true,
});
// The editor only knows the files opened so far and none of the runtime's packages, so
// "cannot find module" would flag correct imports.
typescriptDefaults.setDiagnosticsOptions({ diagnosticCodesToIgnore: [2307, 2792] });

/** Monaco's light theme, with line numbers readable against white (4.5:1 at least, dimmed ones too). */
export const EDITOR_THEME = "draftline";
monaco.editor.defineTheme(EDITOR_THEME, {
  base: "vs",
  inherit: true,
  rules: [],
  colors: {
    "editorLineNumber.foreground": "#237893",
    "editorLineNumber.activeForeground": "#0b216f",
    // Monaco dims the empty line after a final newline to 40% of the number colour (1.75:1) unless told.
    "editorLineNumber.dimmedForeground": "#64748b",
    // Token colours are 4.5:1 on white with little to spare (numbers #098658: 4.6:1); Monaco's grey
    // behind a hovered sticky line (the enclosing function's header) takes them below it.
    "editorStickyScrollHover.background": "#ffffff",
  },
});

// The languages the app names files by (lib/files/language-for-path.ts); every one is in the
// editor's own bundle but its support loads on first use, from chunks of their own.
const LANGUAGES = ["typescript", "javascript", "json", "yaml", "markdown", "sql", "xml", "html", "css", "graphql", "shell", "python"];

/**
 * Resolves once the workers have loaded and the support each language loads on first use is
 * here, so files of any kind open and take edits even if the network is lost after the editor shows.
 */
export const languagesLoaded: Promise<void> = Promise.all([
  workersLoaded,
  // Each resolves once its language's mode has loaded (what it resolves to needs a model: unused).
  monaco.typescript.getTypeScriptWorker().catch(() => undefined),
  monaco.json.getWorker().catch(() => undefined),
  ...LANGUAGES.map((language) => monaco.editor.colorize("", language, {})),
]).then(() => undefined);

loader.config({ monaco });

export { monaco };
