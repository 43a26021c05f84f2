import { versionNameKey } from "@/lib/versions/schemas";
import type { VersionOrigin } from "@/lib/versions/version-summary";
import type { NamingConvention } from "./conventions";
import { parseName, type ParsedName } from "./parse-name";
import { slugify } from "./slugify";
import { todayInTimeZone } from "./today-in-time-zone";

/** One of the project's versions as suggestions see it (the names route's answer). */
export interface ExistingVersion {
  name: string;
  origin: VersionOrigin;
}

export interface SuggestNamesInput {
  convention: NamingConvention;
  /** All of the project's versions, newest first (the order `listVersionNames` returns). */
  versions: readonly ExistingVersion[];
  /** The project's slug (`order-sync`): feature names start from it when nothing else says what changed. */
  project: string;
  description?: string;
  now: Date;
  /** The user's IANA time zone, e.g. `Intl.DateTimeFormat().resolvedOptions().timeZone` in the browser. */
  timeZone: string;
}

export interface NameSuggestion {
  name: string;
  /** Says what the suggestion is ("Minor", "Today"); shown beside it. */
  label: string;
}

/** What every convention's suggester needs, worked out once. */
export interface SuggestionContext {
  /**
   * The names suggestions build on, trimmed and parsed, newest first. Backups are left out:
   * a restore names them automatically ("Draft before restoring 1.0.1"), so they say nothing
   * about how the team names versions.
   */
  existing: ReadonlyArray<{ name: string; parsed: ParsedName | null }>;
  /** Every version's name counts, backups too; case-insensitively, as the project's unique names are compared. */
  isTaken: (name: string) => boolean;
  /** A slug made from the description; empty without one. */
  slug: string;
  /** A slug made from the project's slug, for feature names when there is no description: `order-sync`. */
  projectSlug: string;
  /** `2026-03-09` in the user's time zone. */
  today: string;
}

// A project slug of digits and release words only (`2026`) leaves no word to build a name on.
const FALLBACK_PROJECT_SLUG = "release";

export function createSuggestionContext(input: SuggestNamesInput): SuggestionContext {
  const existing = input.versions
    .filter(({ origin }) => origin !== "backup")
    .map(({ name: raw }) => {
      const name = raw.trim();
      return { name, parsed: parseName(name) };
    });
  const taken = new Set(input.versions.map(({ name }) => versionNameKey(name.trim())));
  return {
    existing,
    isTaken: (name) => taken.has(versionNameKey(name)),
    slug: slugify(input.description ?? ""),
    projectSlug: slugify(input.project.replace(/-/g, " "), { maxWords: 3, maxLength: 30 }) || FALLBACK_PROJECT_SLUG,
    today: todayInTimeZone(input.now, input.timeZone),
  };
}
