/*
 * Monaco's workers are module workers built from the ESM package, so the editor never reaches for
 * a CDN. Monaco asks for each one only when a file first needs it (a TypeScript file, a JSON file,
 * a link to detect), which can be long after the page loaded, and by then the network may be
 * gone. So one worker of each kind starts as soon as an editor page loads, and Monaco is handed
 * that one when it asks; workers it asks for later find their scripts in the browser's cache.
 * Each entry in ./workers says when its scripts have loaded, and the editor shows only after that.
 */

import { WORKER_LOADED } from "./workers/loaded";

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
      return new Worker(new URL("./workers/typescript.worker.ts", import.meta.url), { type: "module" });
    case "json":
      return new Worker(new URL("./workers/json.worker.ts", import.meta.url), { type: "module" });
    case "css":
      return new Worker(new URL("./workers/css.worker.ts", import.meta.url), { type: "module" });
    case "html":
      return new Worker(new URL("./workers/html.worker.ts", import.meta.url), { type: "module" });
    case "editor":
      return new Worker(new URL("./workers/editor.worker.ts", import.meta.url), { type: "module" });
  }
}

/** Resolves with the worker once its scripts have loaded (it says so: ./workers/loaded.ts). */
function whenLoaded(worker: Worker): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      if (event.data !== WORKER_LOADED) return;
      worker.removeEventListener("message", onMessage);
      resolve(worker);
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", reject, { once: true });
  });
}

function startWorker(kind: WorkerKind): Promise<Worker> {
  return whenLoaded(createWorker(kind));
}

const started = new Map<WorkerKind, Promise<Worker>>();

/**
 * Starts one worker of each kind now (once per page), for Monaco to take later. Resolves once
 * each has loaded its scripts or failed to: from then on the network is not needed for them.
 */
export function startMonacoWorkers(): Promise<void> {
  if (typeof window === "undefined" || self.MonacoEnvironment) return Promise.resolve();
  for (const kind of ["editor", "typescript", "json", "css", "html"] as const) started.set(kind, startWorker(kind));
  self.MonacoEnvironment = {
    // Monaco waits for the promise and only then listens, so it never sees WORKER_LOADED.
    getWorker(_workerId: string, label: string) {
      const kind = KIND_BY_LABEL[label] ?? "editor";
      const waiting = started.get(kind);
      started.delete(kind);
      return waiting?.catch(() => startWorker(kind)) ?? startWorker(kind);
    },
  };
  return Promise.allSettled(started.values()).then(() => undefined);
}
