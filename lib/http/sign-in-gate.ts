import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { isCalledByOtherSystems } from "./request-guard";

/**
 * Where people who are not signed in may go: signing in, invite links, Better Auth, health checks,
 * static files, the HTTP trigger `/hooks/…`, which other systems call with the environment's
 * bearer token instead of a session (its route checks that token itself), and the sample's stub
 * shop and ERP `/sample-api/…`, which check the sample's own tokens.
 */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/sign-in" ||
    /^\/invite\/[^/]+$/.test(pathname) ||
    pathname.startsWith("/api/auth/") ||
    // The token API answers 401 itself, in its own words (lib/tokens/authenticate-token.ts).
    pathname.startsWith("/api/v1/") ||
    pathname === "/api/health" ||
    isCalledByOtherSystems(pathname) ||
    pathname.startsWith("/_next/") ||
    // The files in public/ (the logo, icons, robots.txt), all at the top level.
    /^\/[A-Za-z0-9_-]+\.(?:ico|svg|png|txt|webmanifest)$/.test(pathname)
  );
}

/** Where a page sends people to sign in: back to `path` afterwards, when it is a path of this app. */
export function signInPath(next: string | null): string {
  const target = safeNextPath(next);
  return target === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(target)}`;
}

/** `next` when it is a path on this server (not `//host`, not `/\host`), else the start page. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || /[\u0000-\u001f]/.test(next)) return "/";
  return next;
}

export const SIGN_IN_MESSAGE = "Sign in to continue.";

/**
 * The proxy's first check of who may pass: a request without a session cookie that looks valid
 * is sent to sign in (pages) or answered 401 (JSON routes). Server actions pass to their entry
 * point, which answers `unauthenticated`. The session itself is checked on the server.
 */
export function refuseSignedOut(request: Request): Response | null {
  const url = new URL(request.url);
  if (isPublicPath(url.pathname) || hasSessionCookie(request.headers.get("cookie"))) return null;
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
    return Response.json({ error: { code: "unauthenticated", message: SIGN_IN_MESSAGE } }, { status: 401 });
  }
  if (request.headers.has("next-action")) return null;
  return Response.redirect(new URL(signInPath(url.pathname + url.search), url), 307);
}
