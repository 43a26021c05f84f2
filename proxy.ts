import { NextResponse, type NextRequest } from "next/server";
import { withContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { escapeUndecodableSegments } from "@/lib/http/path-text";
import { guardRequest, isCalledByOtherSystems, refuseMalformedAction } from "@/lib/http/request-guard";
import { refuseSignedOut } from "@/lib/http/sign-in-gate";

/**
 * Runs before every page, route, server action and asset. Refuses what `guardRequest` refuses
 * (a foreign Host, a cross-site write, a JSON route's path that is no text) and server-action
 * bodies Next would answer with a bare 500; a page path with a segment that is no text is
 * passed on literally, so the page answers not found. Pages get their Content-Security-Policy
 * here, where each response can have a nonce of its own. A visitor without a session cookie
 * reaches only the sign-in and invite pages (others redirect to sign in, JSON routes answer 401).
 */
export async function proxy(request: NextRequest) {
  const refused = guardRequest(request) ?? refuseSignedOut(request) ?? (await refuseMalformedAction(request));
  if (refused) return refused;
  const passOn = (headers: Headers) => {
    const escaped = escapeUndecodableSegments(request.nextUrl.pathname);
    if (escaped === null) return NextResponse.next({ request: { headers } });
    const url = request.nextUrl.clone();
    url.pathname = escaped;
    return NextResponse.rewrite(url, { request: { headers } });
  };
  if (request.nextUrl.pathname.startsWith("/api/") || isCalledByOtherSystems(request.nextUrl.pathname)) return passOn(request.headers);
  return withContentSecurityPolicy(request, passOn);
}
