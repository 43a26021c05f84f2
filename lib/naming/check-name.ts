import type { NameForm, NamingConvention } from "./conventions";
import { classifyName } from "./classify-name";

export type NameCheck = { follows: true } | { follows: false; warning: string };

const EXPECTED_FORM: Record<NameForm, string> = {
  semver: "Semantic versions look like 1.2.0 (major.minor.patch), or 2.0.0-rc1 for a pre-release.",
  date: "Date names look like 2026-03-09 (year-month-day), 2026-03-09.1 for a later version that day, or 2026-Q1 for a quarter.",
  feature: "Feature names are lowercase words joined by dashes, starting with a letter, like order-sync-v1.",
  combined: "Combined names are a version or date, a dash and a short slug, like 1.2.0-order-retry-logic or 2026-03-09-hotfix-auth.",
};

/** Whether a name follows the project's convention; a name that does not only gets a warning the user may override. */
export function checkName(name: string, convention: NamingConvention): NameCheck {
  if (convention === "free" || classifyName(name) === convention) return { follows: true };
  return { follows: false, warning: EXPECTED_FORM[convention] };
}
