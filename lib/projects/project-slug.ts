/** Short enough that `-<n>` suffixes stay within the slug limit (100). */
const SLUG_BASE_LENGTH = 60;

/**
 * The URL slug for a project's name: "Order Sync (EU)" → `order-sync-eu`. Accents fall away;
 * a name with no letter or digit a URL can hold becomes `project`.
 */
export function projectSlugBase(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word.slice(0, SLUG_BASE_LENGTH);
    if (next.length > SLUG_BASE_LENGTH) break;
    slug = next;
  }
  return slug || "project";
}
