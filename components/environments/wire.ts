import type { SettingsComparison } from "@/lib/deployments/compare-settings-fingerprint";
import type { DeploymentEntry, VersionRef } from "@/lib/deployments/deployment-entry";
import type { VersionRunIn } from "@/lib/deployments/find-versions-run-in";
import type { EnvironmentSettingView } from "@/lib/environments/environment-setting-view";
import type { EnvironmentHistory } from "@/lib/environments/get-environment-history";
import type { EnvironmentSummary } from "@/lib/environments/list-environments";
import type { ChangeStatus } from "@/lib/versions/count-changes";

/** A value as `Response.json` sends it: dates become ISO strings, the rest stays as it is. */
export type Wire<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer Item>
    ? Wire<Item>[]
    : T extends object
      ? { [Key in keyof T]: Wire<T[Key]> }
      : T;

export type EnvironmentJson = Wire<EnvironmentSummary>;
export type DeploymentEntryJson = Wire<DeploymentEntry>;
export type EnvironmentHistoryJson = Wire<EnvironmentHistory>;
export type EnvironmentSettingJson = Wire<EnvironmentSettingView>;
export type SettingsComparisonJson = Wire<SettingsComparison>;
export type VersionRunInJson = Wire<VersionRunIn>;

export interface FileChangeJson {
  path: string;
  status: Exclude<ChangeStatus, "unchanged">;
}

/** What deploying the draft or a version to an environment would change there. */
export interface DeployPreviewJson {
  environment: { id: string; name: string; activeVersion: VersionRef | null };
  /** Files added, modified or removed compared with the active version (all added when none runs). */
  changes: FileChangeJson[];
  /** Only for the draft: the version whose files it holds exactly (nothing new to capture). */
  draftMatches: VersionRef | null;
}

/** For a server component handing domain data to a client one: exactly what a route handler would send. */
export function toWire<T>(value: T): Wire<T> {
  return JSON.parse(JSON.stringify(value)) as Wire<T>;
}
