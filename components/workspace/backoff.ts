const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** Runs `retry` after 1 s, then 2 s, 4 s… up to 30 s while failures continue. */
export class Backoff {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private delay = FIRST_DELAY_MS;

  constructor(private readonly retry: () => void) {}

  schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.retry();
    }, this.delay);
    this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
  }

  /** Something got through (or the browser is back online): start again from the shortest delay. */
  reset() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.delay = FIRST_DELAY_MS;
  }
}
