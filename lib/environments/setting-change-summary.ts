import type { AuditSummary } from "@/lib/audit/record-event";

/** A setting as the activity log may know it: `value` is read only when it is not secret. */
interface SettingState {
  isSecret: boolean;
  value: string | null;
}

export type SettingChange = "added" | "changed" | "removed";

/**
 * What a `settings.changed` event records: the environment, the key, whether the setting is
 * (or was) secret and whether it was added, changed or removed. Values appear as before/after
 * only while neither side is secret; a secret is only ever "changed", never shown, and a value
 * that turns secret is not repeated in the log either.
 */
export function settingChangeSummary(
  environment: string,
  key: string,
  before: SettingState | null,
  after: SettingState | null,
): AuditSummary {
  const change: SettingChange = before === null ? "added" : after === null ? "removed" : "changed";
  const secret = (before?.isSecret ?? false) || (after?.isSecret ?? false);
  const summary: AuditSummary = { environment, key, change, secret };
  if (before && after && before.isSecret !== after.isSecret) summary.secretBefore = before.isSecret;
  if (secret) return summary;
  if (before) summary.before = before.value ?? "";
  if (after) summary.after = after.value ?? "";
  return summary;
}
