/** What each of Draftline's Monaco worker entries posts once its scripts have loaded. */
export const WORKER_LOADED = "draftline-worker-loaded";

/** Posted last by a worker entry: every module it imports has loaded and run by then. */
export function announceLoaded() {
  self.postMessage(WORKER_LOADED);
}
