import { classifyName } from "./classify-name";
import { withFreeSuffix } from "./first-free-name";
import { nameBase } from "./parse-name";
import { nextMinorVersion } from "./suggest-semver-names";
import type { NameSuggestion, SuggestionContext } from "./suggestion-context";

// A slug made only of release words (`beta`, `rc2`) turns `1.2.0-beta` into a pre-release, not a combined name.
const LAST_RESORT_SLUG = "release";

/**
 * The next minor version and today's date, each followed by a slug: the description's, or
 * without one the project's (`1.3.0-order-sync`). The newest name's kind of prefix comes first.
 */
export function suggestCombinedNames(context: SuggestionContext): NameSuggestion[] {
  const prefixes = [
    { prefix: nextMinorVersion(context), label: "Next minor version" },
    { prefix: context.today, label: "Today" },
  ];
  const newestBase = context.existing.map(({ parsed }) => nameBase(parsed)).find((base) => base !== null);
  if (newestBase?.form === "date") prefixes.reverse();

  const slugs = [
    ...(context.slug ? [{ slug: context.slug, source: "the description" }] : []),
    { slug: context.projectSlug, source: "the project name" },
    { slug: LAST_RESORT_SLUG, source: "a placeholder" },
  ];
  return prefixes.map(({ prefix, label }) => {
    const chosen = slugs.find(({ slug }) => classifyName(`${prefix}-${slug}`) === "combined") ?? slugs.at(-1)!;
    return { name: withFreeSuffix(`${prefix}-${chosen.slug}`, context.isTaken), label: `${label} and ${chosen.source}` };
  });
}
