import type { DraftChanges } from "@/lib/drafts/list-draft-changes";
import { Backoff } from "./backoff";

/** How long the server may hold one ask open (the route allows up to 25 s). */
export const LONG_POLL_SECONDS = 25;

/**
 * At most a few asks a second, whatever the answers: a draft written to without pause, or a
 * server of an older build answering at once, must not turn the loop into a flood.
 */
const MIN_SPACING_MS = 250;

export interface DraftChangesQuery {
  since: number;
  /** The stamp of the last answer: the server answers once the draft differs from it. */
  seen?: string;
  /** Seconds the server may wait for a change; 0 answers at once. */
  wait: number;
}

export interface FollowOptions {
  ask(query: DraftChangesQuery, signal: AbortSignal): Promise<DraftChanges>;
  /** The revision to ask from: the highest this tab has seen. */
  since(): number;
  onChanges(changes: DraftChanges): void;
  /** Whether the page is shown; a hidden page stops asking until `nudge()`. */
  visible(): boolean;
}

/**
 * Follows the draft by long polling: the first ask is answered at once (what changed since
 * the page was rendered), every later one waits on the server until the draft differs from the
 * last answer. The next ask goes out as soon as an answer arrives; failures retry after 1 s,
 * 2 s, 4 s… up to 30 s; a hidden page finishes its ask and then pauses.
 */
export class DraftChangesFollower {
  readonly #controller = new AbortController();
  readonly #backoff = new Backoff(() => void this.#ask());
  #inFlight = false;
  #paused = false;
  #seen: string | undefined;
  #lastAskAt = -Infinity;
  #spacing: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: FollowOptions) {}

  start() {
    void this.#ask();
  }

  /** The page was shown again or came back online: ask now rather than after a pause or a back-off. */
  nudge() {
    if (this.#inFlight || this.#controller.signal.aborted) return;
    this.#backoff.reset();
    void this.#ask();
  }

  stop() {
    this.#controller.abort();
    this.#backoff.reset();
    clearTimeout(this.#spacing);
  }

  get paused() {
    return this.#paused;
  }

  async #ask() {
    const signal = this.#controller.signal;
    if (signal.aborted || this.#inFlight) return;
    this.#paused = !this.options.visible();
    if (this.#paused) return;
    this.#inFlight = true;
    this.#lastAskAt = Date.now();
    let changes: DraftChanges | undefined;
    try {
      const seen = this.#seen;
      changes = await this.options.ask({ since: this.options.since(), seen, wait: seen === undefined ? 0 : LONG_POLL_SECONDS }, signal);
    } catch {
      // Offline, a server restarting or refusing: asked again after a growing pause. An abort is the end.
    } finally {
      this.#inFlight = false;
    }
    if (signal.aborted) return;
    if (!changes) {
      this.#backoff.schedule();
      return;
    }
    this.#seen = changes.stamp;
    this.#backoff.reset();
    this.options.onChanges(changes);
    const wait = this.#lastAskAt + MIN_SPACING_MS - Date.now();
    if (wait <= 0) void this.#ask();
    else this.#spacing = setTimeout(() => void this.#ask(), wait);
  }
}
