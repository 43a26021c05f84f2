function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** True when every segment of a raw (still percent-encoded) path decodes to text. */
export function isTextPath(pathname: string): boolean {
  return pathname.split("/").every(decodes);
}

/**
 * The path with each segment whose percent-escapes are no text (`%FF`, a lone surrogate's
 * `%ED%A0%80`) passed on literally (`%` escaped as `%25`), so a page sees an unknown slug or id
 * and answers with its not-found page instead of Next failing with a bare 500. Null when
 * every segment is text already.
 */
export function escapeUndecodableSegments(pathname: string): string | null {
  if (isTextPath(pathname)) return null;
  return pathname
    .split("/")
    .map((segment) => (decodes(segment) ? segment : segment.replaceAll("%", "%25")))
    .join("/");
}
