import { NextResponse, type NextRequest } from "next/server";
import { escapeUndecodableSegments } from "@/lib/http/path-text";
import { guardRequest, refuseMalformedAction } from "@/lib/http/request-guard";

/**
 * Runs before every page, route, server action and asset. Refuses what `guardRequest` refuses
 * (a foreign Host, a cross-site write, a JSON route's path that is no text); a page path with
 * a segment that is no text is passed on literally, so the page answers not found instead of
 * Next failing with a bare 500.
 */
export async function proxy(request: NextRequest) {
  const refused = guardRequest(request) ?? (await refuseMalformedAction(request));
  if (refused) return refused;
  const escaped = escapeUndecodableSegments(request.nextUrl.pathname);
  if (escaped === null) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = escaped;
  return NextResponse.rewrite(url);
}
