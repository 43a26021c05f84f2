import type { SaveOutcome } from "@/components/files/queries";
import { isUnder } from "@/components/files/tree-model";
import { Backoff } from "./backoff";
import { readBackups, removeBackup, writeBackup } from "./draft-backup";
import {
  canSave,
  isDirty,
  isRetried,
  newFileState,
  sameSnapshot,
  snapshotOf,
  type FileSnapshot,
  type FileState,
  type SaverEvent,
  type ServerCopy,
} from "./draft-file-state";

type Save = (path: string, content: string, baseRevision: number, options: { keepalive?: boolean }) => Promise<SaveOutcome>;

/**
 * Autosave for the files open in one workspace, independent of React: each edit waits for a
 * pause, one save per file is in flight at a time, and text the server has not acknowledged
 * is written to localStorage before every attempt.
 */
export class DraftSaver {
  private files = new Map<string, FileState>();
  private snapshot: ReadonlyMap<string, FileSnapshot> = new Map();
  private listeners = new Set<() => void>();
  private eventListeners = new Set<(event: SaverEvent) => void>();
  private backoff = new Backoff(() => this.retryOffline());
  private restoring: Promise<string[]> | null = null;

  constructor(private readonly options: { projectId: string; save: Save; delayMs: number }) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.snapshot;

  onEvent(listener: (event: SaverEvent) => void) {
    this.eventListeners.add(listener);
    return () => {
      this.eventListeners.delete(listener);
    };
  }

  textOf(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  /**
   * The server's copy arrived (opened, or fetched again because it changed elsewhere): start
   * tracking the file, or take the newer copy if nothing local is pending. Text not yet saved
   * is never replaced; its save meets the newer copy as a conflict.
   */
  open(path: string, server: ServerCopy) {
    const s = this.files.get(path);
    if (!s) {
      this.files.set(path, newFileState(server.content, server.content, server.revision));
    } else if (s.savedText === null && s.base === server.revision) {
      s.savedText = server.content;
    } else if (server.revision > s.base && !isDirty(s) && !s.saving && !s.problem) {
      Object.assign(s, { text: server.content, savedText: server.content, base: server.revision });
      this.emit({ type: "replaced", path, text: server.content });
    } else {
      return;
    }
    this.changed();
  }

  edit(path: string, text: string) {
    const s = this.files.get(path);
    if (!s || s.text === text) return;
    s.text = text;
    if (s.problem?.kind === "error") s.problem = null;
    this.clearTimer(s);
    if (isDirty(s)) {
      s.timer = setTimeout(() => {
        s.timer = null;
        if (canSave(s)) void this.run(path);
        else writeBackup(this.options.projectId, path, s.text, s.base);
      }, this.options.delayMs);
    } else if (!s.saving) {
      removeBackup(this.options.projectId, path);
    }
    this.changed();
  }

  /** Saves every pending edit now; true when everything is stored on the server. */
  async flushAll(options: { keepalive?: boolean } = {}): Promise<boolean> {
    return this.flush([...this.files.keys()], options);
  }

  async flushPath(path: string): Promise<boolean> {
    return this.flush([path], {});
  }

  async flushUnder(prefix: string): Promise<boolean> {
    return this.flush([...this.files.keys()].filter((path) => isUnder(path, prefix)), {});
  }

  /** The page is going away: keep every unsaved text locally, and send what fits in keep-alive requests. */
  flushOnExit() {
    for (const [path, s] of this.files) if (isDirty(s)) writeBackup(this.options.projectId, path, s.text, s.base);
    void this.flushAll({ keepalive: true });
  }

  /** Stops pending saves under a path (about to be deleted) and waits for those in flight. */
  async settleUnder(prefix: string) {
    const states = [...this.files].filter(([path]) => isUnder(path, prefix)).map(([, s]) => s);
    states.forEach((s) => this.clearTimer(s));
    await Promise.all(states.map((s) => s.saving));
  }

  resumeUnder(prefix: string) {
    for (const path of this.files.keys()) if (isUnder(path, prefix)) void this.run(path);
  }

  forgetUnder(prefix: string) {
    for (const [path, s] of [...this.files]) {
      if (!isUnder(path, prefix)) continue;
      this.clearTimer(s);
      this.files.delete(path);
      removeBackup(this.options.projectId, path);
      this.emit({ type: "forgotten", path });
    }
    this.changed();
  }

  /** Conflict: overwrite the stored version with this editor's text, deliberately. */
  keepMine(path: string): Promise<boolean> {
    return this.resolve(path, this.files.get(path)?.text ?? "");
  }

  /** Conflict: drop this editor's text and continue from the stored version. */
  useTheirs(path: string) {
    const s = this.files.get(path);
    if (s?.problem?.kind === "conflict") void this.resolve(path, s.problem.theirs.content);
  }

  /**
   * Conflict: continue from the stored version with this text (the user's own, theirs, or one
   * merged from both), saved over the stored version unless it is theirs unchanged.
   */
  resolve(path: string, text: string): Promise<boolean> {
    const s = this.files.get(path);
    if (s?.problem?.kind !== "conflict") return Promise.resolve(false);
    const { content, revision } = s.problem.theirs;
    const replaced = s.text !== text;
    Object.assign(s, { text, savedText: content, base: revision, problem: null });
    if (replaced) this.emit({ type: "replaced", path, text });
    if (!isDirty(s)) removeBackup(this.options.projectId, path);
    this.changed();
    return this.flush([path], {});
  }

  /** The file was created again on the server (after it went missing) from this text. */
  adopt(path: string, server: ServerCopy) {
    const s = this.files.get(path);
    if (!s) return;
    Object.assign(s, { base: server.revision, savedText: server.content, problem: null });
    if (isDirty(s)) void this.run(path);
    else removeBackup(this.options.projectId, path);
    this.changed();
  }

  /**
   * Brings back text kept in this browser by an earlier visit and saves it. Resolves with the
   * paths whose text was really missing from the server (not just sent as the page closed).
   */
  restoreBackups(): Promise<string[]> {
    this.restoring ??= this.restoreFromStorage();
    return this.restoring;
  }

  private async restoreFromStorage(): Promise<string[]> {
    const paths: string[] = [];
    for (const [path, backup] of readBackups(this.options.projectId)) {
      if (this.files.has(path)) continue;
      this.files.set(path, { ...newFileState(backup.text, null, backup.baseRevision), restored: true });
      paths.push(path);
    }
    await Promise.all(paths.map((path) => this.run(path)));
    return paths.filter((path) => this.files.get(path)?.restored);
  }

  /** Retries every save that failed for lack of a working server, at once (the browser came back online). */
  retryNow() {
    this.backoff.reset();
    this.retryOffline();
  }

  private async flush(paths: string[], options: { keepalive?: boolean }): Promise<boolean> {
    paths.forEach((path) => this.clearTimer(this.files.get(path)));
    await Promise.all(paths.map((path) => this.run(path, options)));
    return paths.every((path) => {
      const s = this.files.get(path);
      return !s || (!isDirty(s) && !s.problem && !s.saving);
    });
  }

  private run(path: string, options: { keepalive?: boolean } = {}): Promise<void> {
    const s = this.files.get(path);
    if (!s) return Promise.resolve();
    if (!s.saving && canSave(s)) {
      s.saving = this.saveWhileDirty(path, s, options).finally(() => {
        s.saving = null;
        this.changed();
      });
      this.changed();
    }
    return s.saving ?? Promise.resolve();
  }

  /** Edits made while a save was in flight are saved right after it, unless a pause is still pending. */
  private async saveWhileDirty(path: string, s: FileState, options: { keepalive?: boolean }) {
    while (this.files.get(path) === s && canSave(s) && !s.timer) {
      const text = s.text;
      const base = s.base;
      writeBackup(this.options.projectId, path, text, base);
      const outcome = await this.options.save(path, text, base, options);
      if (this.files.get(path) !== s) return;
      this.record(path, s, text, outcome);
      this.changed();
      if (isRetried(s.problem)) this.backoff.schedule();
      if (s.problem) return;
    }
  }

  private record(path: string, s: FileState, text: string, outcome: SaveOutcome) {
    switch (outcome.kind) {
      case "saved":
        return this.accept(path, s, text, outcome.revision);
      case "conflict":
        // Our own earlier save (sent as the page closed) may already have stored this very text.
        if (outcome.current.content === text) {
          s.restored = false;
          return this.accept(path, s, text, outcome.current.revision);
        }
        s.problem = { kind: "conflict", theirs: outcome.current };
        return;
      case "missing":
        s.problem = { kind: "missing", message: outcome.message };
        return this.emit({ type: "missing", path });
      case "rejected":
        s.problem = { kind: "error", message: outcome.message };
        return;
      case "failed":
        s.problem = { kind: "failed", message: outcome.message };
        return;
      case "offline":
        s.problem = { kind: "offline" };
    }
  }

  private accept(path: string, s: FileState, text: string, revision: number) {
    Object.assign(s, { base: revision, savedText: text, problem: null });
    if (s.text === text) removeBackup(this.options.projectId, path);
    this.emit({ type: "saved", path, content: text, revision });
    // The server is reachable again: what failed for lack of it goes now, not after the backoff.
    this.retryNow();
  }

  private retryOffline() {
    for (const [path, s] of this.files) if (isRetried(s.problem)) void this.run(path);
  }

  private clearTimer(s: FileState | undefined) {
    if (s?.timer) clearTimeout(s.timer);
    if (s) s.timer = null;
  }

  private emit(event: SaverEvent) {
    this.eventListeners.forEach((listener) => listener(event));
  }

  /** Publishes a new snapshot only when some file's status changed, not on every keystroke. */
  private changed() {
    const next = new Map<string, FileSnapshot>();
    for (const [path, s] of this.files) next.set(path, snapshotOf(s));
    const same =
      next.size === this.snapshot.size &&
      [...next].every(([path, snapshot]) => sameSnapshot(this.snapshot.get(path), snapshot));
    if (same) return;
    this.snapshot = next;
    this.listeners.forEach((listener) => listener());
  }
}
