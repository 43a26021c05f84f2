import type { DeploymentEntry } from "@/lib/deployments/deployment-entry";
import type { Wire } from "@/lib/http/wire";
import type { EnvironmentSettingView } from "./environment-setting-view";
import type { EnvironmentHistory } from "./get-environment-history";
import type { EnvironmentSummary } from "./list-environments";
import type { SettingsHistory } from "@/lib/settings-revisions/list-settings-revisions";

/** The environments routes' JSON, as the browser receives it. */
export type EnvironmentJson = Wire<EnvironmentSummary>;
export type DeploymentEntryJson = Wire<DeploymentEntry>;
export type EnvironmentHistoryJson = Wire<EnvironmentHistory>;
export type EnvironmentSettingJson = Wire<EnvironmentSettingView>;
export type SettingsHistoryJson = Wire<SettingsHistory>;
