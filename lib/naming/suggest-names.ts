import { MAX_VERSION_NAME_LENGTH, versionNameKey } from "@/lib/versions/schemas";
import type { NamingConvention } from "./conventions";
import { suggestCombinedNames } from "./suggest-combined-names";
import { suggestDateNames } from "./suggest-date-names";
import { suggestFeatureNames } from "./suggest-feature-names";
import { suggestFreeNames } from "./suggest-free-names";
import { suggestSemverNames } from "./suggest-semver-names";
import {
  createSuggestionContext,
  type ExistingVersion,
  type NameSuggestion,
  type SuggestionContext,
  type SuggestNamesInput,
} from "./suggestion-context";

export type { ExistingVersion, NameSuggestion, SuggestNamesInput };

const SUGGESTERS: Record<NamingConvention, (context: SuggestionContext) => NameSuggestion[]> = {
  semver: suggestSemverNames,
  date: suggestDateNames,
  feature: suggestFeatureNames,
  combined: suggestCombinedNames,
  free: suggestFreeNames,
};

/**
 * Names for the next version under the project's convention, best first (the first prefills the
 * Create version dialog). Every one follows the convention (checkName agrees) and is a valid
 * name no version uses yet, compared case-insensitively; backups are never built on. The
 * property test in suggest-names.property.test.ts holds every suggester to this.
 */
export function suggestNames(input: SuggestNamesInput): NameSuggestion[] {
  const context = createSuggestionContext(input);
  const seen = new Set<string>();
  return SUGGESTERS[input.convention](context).filter(({ name }) => {
    const key = versionNameKey(name);
    const usable = name !== "" && name.length <= MAX_VERSION_NAME_LENGTH && !context.isTaken(name) && !seen.has(key);
    seen.add(key);
    return usable;
  });
}
