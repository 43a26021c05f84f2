import { firstFreeName } from "./first-free-name";
import { sequenceAfter } from "./sequence-after";
import { suggestCombinedNames } from "./suggest-combined-names";
import { suggestDateNames } from "./suggest-date-names";
import { suggestSemverNames } from "./suggest-semver-names";
import type { NameSuggestion, SuggestionContext } from "./suggestion-context";

/** Follows the newest name's pattern: as a version or date if it is one, else by counting up its trailing number. */
export function suggestFreeNames(context: SuggestionContext): NameSuggestion[] {
  const form = context.existing[0]?.parsed?.form;
  if (form === "semver") return suggestSemverNames(context);
  if (form === "date") return suggestDateNames(context);
  if (form === "combined") return suggestCombinedNames(context);
  return suggestNextInSequence(context);
}

/** `build 41` → `build 42` (or the next free number); nothing when the newest name ends in no number. */
export function suggestNextInSequence({ existing, isTaken }: SuggestionContext): NameSuggestion[] {
  const next = existing[0] && sequenceAfter(existing[0].name);
  return next ? [{ name: firstFreeName(next, isTaken, 1), label: "Next in sequence" }] : [];
}
