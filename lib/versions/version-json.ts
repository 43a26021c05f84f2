import type { Wire } from "@/lib/http/wire";
import type { VersionHealth } from "@/lib/executions/find-version-health";
import type { RestorePreview } from "./preview-restore";
import type { VersionPage } from "./list-versions";
import type { VersionOrigin, VersionSummary } from "./version-summary";

/** A version as it crosses the network (route handlers, server actions): dates as ISO strings. */
export type VersionJson = Omit<VersionSummary, "createdAt"> & { createdAt: string };

/** A version as name suggestions and the as-you-type uniqueness check see it (the names route). */
export interface VersionNameJson {
  name: string;
  origin: VersionOrigin;
}

export interface VersionPageJson {
  items: VersionJson[];
  nextBefore: number | null;
  total: number;
}

/** A version's success rate in one environment, as Version History shows it. */
export type VersionHealthJson = Wire<VersionHealth>;

/** A page of Version History: the versions, and how each one's finished runs went in each environment where it ran. */
export interface VersionHistoryPageJson extends VersionPageJson {
  health: VersionHealthJson[];
}

export function toVersionJson(version: VersionSummary): VersionJson {
  return { ...version, createdAt: version.createdAt.toISOString() };
}

export function toVersionPageJson(page: VersionPage): VersionPageJson {
  return { items: page.items.map(toVersionJson), nextBefore: page.nextBefore, total: page.total };
}

/** What restoring a version as the draft did. */
export interface RestoreOutcomeJson {
  restored: VersionJson;
  /** The version the previous draft was saved as, when it held work no version captured. */
  backup: VersionJson | null;
}

export function toRestoreOutcomeJson(outcome: { restored: VersionSummary; backup: VersionSummary | null }): RestoreOutcomeJson {
  return { restored: toVersionJson(outcome.restored), backup: outcome.backup && toVersionJson(outcome.backup) };
}

/** The restore preview as the route sends it (no dates, so the same shape). */
export type RestorePreviewJson = RestorePreview;
