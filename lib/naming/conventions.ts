export const NAMING_CONVENTION_VALUES = ["semver", "date", "feature", "combined", "free"] as const;

/** How a project names its versions; stored per project (the database checks the same five values). */
export type NamingConvention = (typeof NAMING_CONVENTION_VALUES)[number];

/** The forms a name itself can take; `free` is a convention that accepts any name, not a form. */
export type NameForm = Exclude<NamingConvention, "free">;

export const DEFAULT_NAMING_CONVENTION: NamingConvention = "semver";

export interface NamingConventionInfo {
  value: NamingConvention;
  label: string;
  explanation: string;
  examples: readonly string[];
}

/** In the order the settings dialog lists them. */
export const NAMING_CONVENTIONS: readonly NamingConventionInfo[] = [
  {
    value: "semver",
    label: "Semantic versions",
    explanation: "Major.minor.patch numbers: bump the part that matches the size of the change.",
    examples: ["1.0.0", "1.1.0", "2.0.0-rc1"],
  },
  {
    value: "date",
    label: "Dates",
    explanation: "The day of the version, with .1, .2 for later versions the same day.",
    examples: ["2026-03-09", "2026-03-09.1", "2026-Q1"],
  },
  {
    value: "feature",
    label: "Feature names",
    explanation: "A short lowercase slug saying what changed, words joined by dashes.",
    examples: ["order-sync-v1", "multi-tenant-support", "api-v2-migration"],
  },
  {
    value: "combined",
    label: "Version and feature",
    explanation: "A semantic version or a date, a dash, then a short slug saying what changed.",
    examples: ["1.2.0-order-retry-logic", "2026-03-09-hotfix-auth"],
  },
  {
    value: "free",
    label: "Free-form",
    explanation: "Any name you like; Draftline never warns about the form.",
    examples: ["build 42", "Spring launch"],
  },
];

export function isNamingConvention(value: unknown): value is NamingConvention {
  return typeof value === "string" && (NAMING_CONVENTION_VALUES as readonly string[]).includes(value);
}
