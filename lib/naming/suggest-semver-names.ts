import { compare, inc, type SemVer } from "semver";
import { firstFreeName } from "./first-free-name";
import { nameBase } from "./parse-name";
import { sequenceAfter } from "./sequence-after";
import type { NameSuggestion, SuggestionContext } from "./suggestion-context";

const FIRST_VERSION = "1.0.0";

/** Next minor (the default), patch and major of the highest version; after a pre-release, the next one and the release. */
export function suggestSemverNames(context: SuggestionContext): NameSuggestion[] {
  const highest = highestVersion(context);
  if (!highest) return [{ name: FIRST_VERSION, label: "First version" }];
  if (highest.prerelease.length > 0) {
    return [
      { name: nextPrerelease(highest, context.isTaken), label: "Next pre-release" },
      { name: inc(highest, "release") ?? "", label: "Release" },
    ];
  }
  return [
    { name: inc(highest, "minor") ?? "", label: "Minor" },
    { name: inc(highest, "patch") ?? "", label: "Patch" },
    { name: inc(highest, "major") ?? "", label: "Major" },
  ];
}

/** The version a new combined name starts with: the next minor release, or 1.0.0 for the first. */
export function nextMinorVersion(context: SuggestionContext): string {
  const highest = highestVersion(context);
  return highest ? (inc(highest, "minor") ?? FIRST_VERSION) : FIRST_VERSION;
}

/** The highest semantic version among the names, counting combined names' version prefixes. */
function highestVersion({ existing }: SuggestionContext): SemVer | null {
  let highest: SemVer | null = null;
  for (const { parsed } of existing) {
    const base = nameBase(parsed);
    if (base?.form === "semver" && (!highest || compare(base.version, highest) > 0)) highest = base.version;
  }
  return highest;
}

// `2.0.0-rc1` → `2.0.0-rc2`, `2.0.0-rc.1` → `2.0.0-rc.2`, `2.0.0-beta` → `2.0.0-beta.1`.
function nextPrerelease(version: SemVer, isTaken: (name: string) => boolean): string {
  const next = sequenceAfter(version.version);
  return next ? firstFreeName(next, isTaken, 1) : `${version.version}.1`;
}
