/**
 * Unsaved editor text kept in this browser's localStorage, so that a failed network, a
 * stopped server or a closed tab never loses it. One entry per project and file path.
 */
export interface DraftBackup {
  text: string;
  /** The revision the text was edited from; saving it later is refused if the file moved on. */
  baseRevision: number;
  savedAt: number;
}

const PREFIX = "draftline:unsaved:";

// Paths cannot contain ":" (see validatePath), so the last part of the key is the whole path.
function keyFor(projectId: string, path: string) {
  return `${PREFIX}${projectId}:${path}`;
}

export function writeBackup(projectId: string, path: string, text: string, baseRevision: number): boolean {
  try {
    const backup: DraftBackup = { text, baseRevision, savedAt: Date.now() };
    localStorage.setItem(keyFor(projectId, path), JSON.stringify(backup));
    return true;
  } catch {
    // Storage full or disabled: the text still lives in the editor and is retried from there.
    return false;
  }
}

export function removeBackup(projectId: string, path: string) {
  try {
    localStorage.removeItem(keyFor(projectId, path));
  } catch {
    // Storage disabled: nothing was written either.
  }
}

export function readBackups(projectId: string): Map<string, DraftBackup> {
  const backups = new Map<string, DraftBackup>();
  const prefix = keyFor(projectId, "");
  try {
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index);
      if (!key?.startsWith(prefix)) continue;
      const backup = parseBackup(localStorage.getItem(key));
      if (backup) backups.set(key.slice(prefix.length), backup);
    }
  } catch {
    // Storage disabled: there is nothing to restore.
  }
  return backups;
}

function parseBackup(raw: string | null): DraftBackup | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<DraftBackup>;
    if (typeof value.text !== "string" || !Number.isSafeInteger(value.baseRevision)) return null;
    return { text: value.text, baseRevision: value.baseRevision as number, savedAt: Number(value.savedAt) || 0 };
  } catch {
    return null;
  }
}
