/*
 * Monaco's workers are module workers built from the ESM package, so the editor never reaches for
 * a CDN. Monaco asks for each one only when a file first needs it (a TypeScript file, a JSON file,
 * a link to detect), which can be long after the page loaded, and by then the network may be
 * gone. So one worker of each kind starts as soon as an editor page loads, and Monaco is handed
 * that one when it asks; workers it asks for later find their scripts in the browser's cache.
 */

type WorkerKind = "editor" | "typescript" | "json" | "css" | "html";

const KIND_BY_LABEL: Record<string, WorkerKind> = {
  typescript: "typescript",
  javascript: "typescript",
  json: "json",
  css: "css",
  scss: "css",
  less: "css",
  html: "html",
  handlebars: "html",
  razor: "html",
};

function createWorker(kind: WorkerKind): Worker {
  switch (kind) {
    case "typescript":
      return new Worker(new URL("monaco-editor/language/typescript/ts.worker.js", import.meta.url), { type: "module" });
    case "json":
      return new Worker(new URL("monaco-editor/language/json/json.worker.js", import.meta.url), { type: "module" });
    case "css":
      return new Worker(new URL("monaco-editor/language/css/css.worker.js", import.meta.url), { type: "module" });
    case "html":
      return new Worker(new URL("monaco-editor/language/html/html.worker.js", import.meta.url), { type: "module" });
    case "editor":
      return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" });
  }
}

const started = new Map<WorkerKind, Worker>();

/** Starts one worker of each kind now (once per page), for Monaco to take later. */
export function startMonacoWorkers() {
  if (typeof window === "undefined" || self.MonacoEnvironment) return;
  for (const kind of ["editor", "typescript", "json", "css", "html"] as const) started.set(kind, createWorker(kind));
  self.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      const kind = KIND_BY_LABEL[label] ?? "editor";
      const waiting = started.get(kind);
      started.delete(kind);
      return waiting ?? createWorker(kind);
    },
  };
}
