import type { DraftChanges } from "@/lib/drafts/list-draft-changes";
import type { DraftFileEntry } from "@/lib/drafts/list-draft-files";

/** The highest revision a file tree holds: where asking for later changes starts. */
export function latestRevision(files: readonly DraftFileEntry[]): number {
  return files.reduce((latest, file) => Math.max(latest, file.revision), 0);
}

/**
 * The file tree with the changes written elsewhere applied: the same array when nothing
 * changed, or null when the changes cannot be applied to it exactly (a file added, deleted or
 * renamed, a write committed out of order, too many changes listed) and the tree must be
 * fetched again.
 */
export function applyDraftChanges(files: DraftFileEntry[], changes: DraftChanges): DraftFileEntry[] | null {
  if (changes.files === null) return null;
  const changed = new Map(changes.files.map((file) => [file.path, file]));
  let patched = files;
  if (changed.size > 0) {
    const known = new Set(files.map((file) => file.path));
    if ([...changed.keys()].some((path) => !known.has(path))) return null;
    patched = files.map((file) => {
      const update = changed.get(file.path);
      return update && update.revision > file.revision ? update : file;
    });
  }
  const revisionSum = patched.reduce((sum, file) => sum + file.revision, 0);
  if (patched.length !== changes.fileCount || revisionSum !== changes.revisionSum) return null;
  return patched.some((file, index) => file !== files[index]) ? patched : files;
}

/** Open files whose copy in this tab is older than the tree says the draft holds. */
export function behindTree(files: readonly DraftFileEntry[], held: ReadonlyMap<string, number>): string[] {
  const stale: string[] = [];
  for (const file of files) {
    const revision = held.get(file.path);
    if (revision !== undefined && revision < file.revision) stale.push(file.path);
  }
  return stale;
}
