/** A draft file's revision as a strong ETag: `"12"`. */
export function revisionEtag(revision: number): string {
  return `"${revision}"`;
}

/** The revision an If-Match names, or null when it names none (a weak or foreign tag, or `*`). */
export function parseEtag(header: string): number | null {
  const match = header.trim().match(/^"(\d{1,10})"$/);
  if (!match) return null;
  const revision = Number(match[1]);
  return revision >= 1 && revision <= 2 ** 31 - 1 ? revision : null;
}
