// No database here: the browser counts the changes of a preview with the same function.

export type ChangeStatus = "added" | "modified" | "removed" | "unchanged";

/** How many files each kind of change touches; unchanged files are not counted. */
export function countChanges(changes: ReadonlyArray<{ status: ChangeStatus }>): Record<Exclude<ChangeStatus, "unchanged">, number> {
  const counts = { added: 0, modified: 0, removed: 0 };
  for (const change of changes) if (change.status !== "unchanged") counts[change.status] += 1;
  return counts;
}
