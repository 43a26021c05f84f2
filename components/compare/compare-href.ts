/** The Compare page for two sides of a project, each `draft` or a version id. */
export function compareHref(slug: string, from: string, to: string): string {
  return `/projects/${slug}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}
