import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";

/*
 * Monaco is bundled with the app and its workers are module workers built from the ESM
 * package, so the editor never reaches for a CDN. Import this module only in the browser.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    switch (label) {
      case "json":
        return new Worker(new URL("monaco-editor/language/json/json.worker.js", import.meta.url), { type: "module" });
      case "css":
      case "scss":
      case "less":
        return new Worker(new URL("monaco-editor/language/css/css.worker.js", import.meta.url), { type: "module" });
      case "html":
      case "handlebars":
      case "razor":
        return new Worker(new URL("monaco-editor/language/html/html.worker.js", import.meta.url), { type: "module" });
      case "typescript":
      case "javascript":
        return new Worker(new URL("monaco-editor/language/typescript/ts.worker.js", import.meta.url), { type: "module" });
      default:
        return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" });
    }
  },
};

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

loader.config({ monaco });

export { monaco };
