import type { DeploymentEntry } from "@/lib/deployments/deployment-entry";
import type { Wire } from "@/lib/http/wire";
import type { EnvironmentSettingView } from "./environment-setting-view";
import type { EnvironmentHistory } from "./get-environment-history";
import type { EnvironmentSummary } from "./list-environments";
import type { SettingsHistory } from "@/lib/settings-revisions/list-settings-revisions";
import type { RevisionComparison } from "@/lib/settings-revisions/compare-settings-revisions";
import type { KeyInEnvironment } from "@/lib/settings-revisions/compare-setting-across-environments";

/** The environments routes' JSON, as the browser receives it. */
export type EnvironmentJson = Wire<EnvironmentSummary>;
export type DeploymentEntryJson = Wire<DeploymentEntry>;
export type EnvironmentHistoryJson = Wire<EnvironmentHistory>;
export type EnvironmentSettingJson = Wire<EnvironmentSettingView>;
export type SettingsHistoryJson = Wire<SettingsHistory>;
export type RevisionComparisonJson = Wire<RevisionComparison>;
export type KeyAcrossEnvironmentsJson = { key: string; environments: Wire<KeyInEnvironment>[] };
