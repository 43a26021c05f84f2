import { withFreeSuffix } from "./first-free-name";
import { suggestNextInSequence } from "./suggest-free-names";
import type { NameSuggestion, SuggestionContext } from "./suggestion-context";

/** A slug of the description (`-2`, `-3` when taken); without one, the newest slug's number counted up. */
export function suggestFeatureNames(context: SuggestionContext): NameSuggestion[] {
  if (context.slug) return [{ name: withFreeSuffix(context.slug, context.isTaken), label: "From the description" }];
  return context.existing[0]?.parsed?.form === "feature" ? suggestNextInSequence(context) : [];
}
