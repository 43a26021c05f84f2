import { versionNameKey } from "@/lib/versions/schemas";
import type { NamingConvention } from "./conventions";
import { parseName, type ParsedName } from "./parse-name";
import { slugify } from "./slugify";
import { todayInTimeZone } from "./today-in-time-zone";

export interface SuggestNamesInput {
  convention: NamingConvention;
  /** All of the project's version names, newest first (the order `listVersions` returns). */
  existingNames: readonly string[];
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
  /** Trimmed and parsed, newest first. */
  existing: ReadonlyArray<{ name: string; parsed: ParsedName | null }>;
  /** Case-insensitively, as the project's unique names are compared. */
  isTaken: (name: string) => boolean;
  /** A slug made from the description; empty without one. */
  slug: string;
  /** `2026-03-09` in the user's time zone. */
  today: string;
}

export function createSuggestionContext(input: SuggestNamesInput): SuggestionContext {
  const existing = input.existingNames.map((raw) => {
    const name = raw.trim();
    return { name, parsed: parseName(name) };
  });
  const taken = new Set(existing.map(({ name }) => versionNameKey(name)));
  return {
    existing,
    isTaken: (name) => taken.has(versionNameKey(name)),
    slug: slugify(input.description ?? ""),
    today: todayInTimeZone(input.now, input.timeZone),
  };
}
