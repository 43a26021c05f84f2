import type { Comparison, CompareSide } from "@/lib/versions/compare-trees";
import type { ChangeStatus } from "@/lib/versions/count-changes";
import type { TreeChange } from "@/lib/versions/diff-trees";
import { DRAFT_REF } from "./queries";

/** The order groups are listed in, and the summary reads. */
export const GROUP_ORDER: readonly ChangeStatus[] = ["modified", "added", "removed", "unchanged"];

export const STATUS_NAMES: Record<ChangeStatus, string> = {
  added: "Added",
  modified: "Modified",
  removed: "Removed",
  unchanged: "Unchanged",
};

export interface ChangeGroup {
  status: ChangeStatus;
  changes: TreeChange[];
}

/** "3 modified · 1 added · 1 removed", leaving out kinds that do not occur. */
export function summaryText(summary: Comparison["summary"]): string {
  const parts = GROUP_ORDER.filter((status) => status !== "unchanged" && summary[status] > 0).map(
    (status) => `${summary[status].toLocaleString("en")} ${status}`,
  );
  return parts.length > 0 ? parts.join(" · ") : "No differences";
}

/** The non-empty groups in list order; unchanged files only when asked for. */
export function groupChanges(changes: readonly TreeChange[], withUnchanged: boolean): ChangeGroup[] {
  return GROUP_ORDER.filter((status) => withUnchanged || status !== "unchanged")
    .map((status) => ({ status, changes: changes.filter((change) => change.status === status) }))
    .filter((group) => group.changes.length > 0);
}

/** The file asked for in the URL if it is on either side, else the first changed file, else none. */
export function selectedChange(changes: readonly TreeChange[], requested: string | null): TreeChange | null {
  const found = requested === null ? undefined : changes.find((change) => change.path === requested);
  return found ?? groupChanges(changes, false)[0]?.changes[0] ?? null;
}

/** The ref (`draft` or a version id) a side was loaded for. */
export function refOf(side: CompareSide): string {
  return side.kind === "draft" ? DRAFT_REF : side.id;
}

export function versionLabel(version: { name: string; number: number }): string {
  return `${version.name} #${version.number}`;
}

export function sideLabel(side: CompareSide): string {
  return side.kind === "draft" ? "Latest draft" : versionLabel(side);
}
