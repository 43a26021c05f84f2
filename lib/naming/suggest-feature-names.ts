import { firstFreeName, withFreeSuffix } from "./first-free-name";
import { suggestNextInSequence } from "./suggest-free-names";
import type { NameSuggestion, SuggestionContext } from "./suggestion-context";

/**
 * A slug of the description (`-2`, `-3` when taken). Without one, the newest name's number
 * counted up (`order-sync-v2` → `order-sync-v3`) and the project's slug with the first free
 * number (`order-sync-v1`), so there is always a name to start from.
 */
export function suggestFeatureNames(context: SuggestionContext): NameSuggestion[] {
  if (context.slug) return [{ name: withFreeSuffix(context.slug, context.isTaken), label: "From the description" }];
  const inSequence = context.existing[0]?.parsed?.form === "feature" ? suggestNextInSequence(context) : [];
  const fromProject = firstFreeName((step) => `${context.projectSlug}-v${step}`, context.isTaken, 1);
  return [...inSequence, { name: fromProject, label: "Project name and a number" }];
}
