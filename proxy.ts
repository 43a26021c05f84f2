import { NextResponse, type NextRequest } from "next/server";
import { withContentSecurityPolicy } from "@/lib/http/content-security-policy";

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
function passOn(request: NextRequest, headers: Headers) {
  const segments = request.nextUrl.pathname.split("/");
  if (segments.every(decodes)) return NextResponse.next({ request: { headers } });
  const url = request.nextUrl.clone();
  url.pathname = segments.map((segment) => (decodes(segment) ? segment : segment.replaceAll("%", "%25"))).join("/");
  return NextResponse.rewrite(url, { request: { headers } });
}

/** Pages get their Content-Security-Policy here, where each response can have a nonce of its own. */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) return passOn(request, request.headers);
  return withContentSecurityPolicy(request, (headers) => passOn(request, headers));
}

export const config = {
  matcher: [
    // Pages (their static files and the API aside), for their Content-Security-Policy.
    "/((?!api/|_next/static/|_next/image|favicon\\.ico|logo\\.svg|robots\\.txt).*)",
    // API paths only with a percent-escape: the rest (a 10 MB autosave included) skips the proxy and its body limit.
    "/api/projects/:path(.*%.*)",
  ],
};
