import { parse, type SemVer } from "semver";
import { parseDateName, type DateName } from "./parse-date-name";

export type NameBase = { form: "semver"; version: SemVer } | { form: "date"; date: DateName };

/** A name read as one of the forms; each name has at most one. */
export type ParsedName =
  | NameBase
  | { form: "feature"; slug: string }
  | { form: "combined"; base: NameBase; slug: string };

/** Lowercase letters, digits and single dashes, starting with a letter: `order-sync-v1`. */
export const FEATURE_SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

// Pre-release words that mark a release stage (`2.0.0-rc1`, `2.0.0-beta.2`) rather than name a feature.
const RELEASE_STAGES = new Set(["alpha", "beta", "rc", "pre", "preview", "next", "canary", "dev", "nightly", "snapshot"]);

const SEMVER_CORE_THEN_REST = /^(\d+\.\d+\.\d+)-(.+)$/s;
const DATE_THEN_REST = /^(\d{4}-\d{2}-\d{2}(?:\.\d+)?|\d{4}-Q[1-4])-(.+)$/s;

/**
 * Reads which form a name follows. A valid semantic version whose pre-release holds a word
 * that is not a release stage (`1.2.0-order-retry-logic`) is read as combined, not semver.
 */
export function parseName(input: string): ParsedName | null {
  const name = input.trim();
  if (FEATURE_SLUG.test(name)) return { form: "feature", slug: name };

  // semver also accepts a leading "v", which the semantic versioning spec does not.
  const version = /^\d/.test(name) ? parse(name) : null;
  if (version) {
    if (!namesAFeature(version.prerelease)) return { form: "semver", version };
    return combined(SEMVER_CORE_THEN_REST.exec(name), (core) => {
      const coreVersion = parse(core);
      return coreVersion && { form: "semver", version: coreVersion };
    });
  }

  const date = parseDateName(name);
  if (date) return { form: "date", date };
  return combined(DATE_THEN_REST.exec(name), (prefix) => {
    const prefixDate = parseDateName(prefix);
    return prefixDate && { form: "date", date: prefixDate };
  });
}

function namesAFeature(prerelease: ReadonlyArray<string | number>): boolean {
  const words = prerelease.join(".").toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((word) => word.length >= 2 && !RELEASE_STAGES.has(word));
}

function combined(match: RegExpExecArray | null, readBase: (prefix: string) => NameBase | null): ParsedName | null {
  if (!match || !FEATURE_SLUG.test(match[2]!)) return null;
  const base = readBase(match[1]!);
  return base && { form: "combined", base, slug: match[2]! };
}

/** The version or date a name is built on, if any: its own, or a combined name's prefix. */
export function nameBase(parsed: ParsedName | null): NameBase | null {
  if (parsed?.form === "combined") return parsed.base;
  return parsed?.form === "semver" || parsed?.form === "date" ? parsed : null;
}
