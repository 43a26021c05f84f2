import { NextResponse, type NextRequest } from "next/server";

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * A path segment whose percent-escapes are no text (`%FF`, a lone surrogate's `%ED%A0%80`) makes
 * Next fail with a bare 500 before any page runs. Such a segment is passed on literally
 * (`%` escaped), so the page or route sees an unknown slug or id and answers not found.
 */
export function proxy(request: NextRequest) {
  const segments = request.nextUrl.pathname.split("/");
  if (segments.every(decodes)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = segments.map((segment) => (decodes(segment) ? segment : segment.replaceAll("%", "%25"))).join("/");
  return NextResponse.rewrite(url);
}

// Only paths with a percent-escape: everything else (a 10 MB autosave included) skips the proxy and its body limit.
export const config = { matcher: ["/projects/:path(.*%.*)", "/api/projects/:path(.*%.*)"] };
