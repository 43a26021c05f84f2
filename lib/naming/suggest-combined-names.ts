import { withFreeSuffix } from "./first-free-name";
import { nameBase } from "./parse-name";
import { nextMinorVersion } from "./suggest-semver-names";
import type { NameSuggestion, SuggestionContext } from "./suggestion-context";

/**
 * The next minor version and today's date, each followed by the description's slug; the newest
 * name's kind of prefix comes first. Without a description, the bare prefixes, labelled so the
 * user adds a slug (a name ending in "-" would be no valid suggestion).
 */
export function suggestCombinedNames(context: SuggestionContext): NameSuggestion[] {
  const prefixes = [
    { prefix: nextMinorVersion(context), label: "Next minor version" },
    { prefix: context.today, label: "Today" },
  ];
  const newestBase = context.existing.map(({ parsed }) => nameBase(parsed)).find((base) => base !== null);
  if (newestBase?.form === "date") prefixes.reverse();

  return prefixes.map(({ prefix, label }) =>
    context.slug
      ? { name: withFreeSuffix(`${prefix}-${context.slug}`, context.isTaken), label: `${label} and the description` }
      : { name: prefix, label: `${label}; add a dash and a short slug, like ${prefix}-order-retry-logic` },
  );
}
