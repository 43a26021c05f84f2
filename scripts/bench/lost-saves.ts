/** What one simulated builder was told about its file, and what it sent without hearing back. */
export interface SaveLedger {
  path: string;
  /** The last save the server acknowledged, with the revision it answered; null before the first. */
  acknowledged: { content: string; revision: number } | null;
  /** Texts sent after that acknowledgement whose outcome is unknown (no answer, or a 5xx). */
  unanswered: string[];
}

export interface StoredFile {
  path: string;
  content: string;
  revision: number;
}

export interface LostSave {
  path: string;
  acknowledgedRevision: number;
  storedRevision: number | null;
  reason: string;
}

/**
 * Acknowledged saves the database no longer holds. A file must hold its last acknowledged text
 * at that revision, or (a later save that landed without its answer reaching the builder) one
 * of the texts sent since, at a later revision. Anything else lost an acknowledged save.
 */
export function findLostSaves(ledgers: readonly SaveLedger[], stored: readonly StoredFile[]): LostSave[] {
  const byPath = new Map(stored.map((file) => [file.path, file]));
  const lost: LostSave[] = [];
  for (const { path, acknowledged, unanswered } of ledgers) {
    if (!acknowledged) continue;
    const file = byPath.get(path);
    const loss = (reason: string) => lost.push({ path, acknowledgedRevision: acknowledged.revision, storedRevision: file?.revision ?? null, reason });
    if (!file) loss("the file is gone");
    else if (file.revision < acknowledged.revision) loss("the database holds an older revision");
    else if (file.revision === acknowledged.revision) {
      if (file.content !== acknowledged.content) loss("the acknowledged revision holds other text");
    } else if (!unanswered.includes(file.content)) loss("a later revision holds text no save sent after the acknowledgement");
  }
  return lost;
}
