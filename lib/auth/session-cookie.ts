/**
 * Better Auth's session cookie as this app names it (cookiePrefix "draftline"), with the
 * `__Secure-` prefix Better Auth adds when cookies are Secure. Shared by the auth config and the
 * proxy, which only checks that a cookie looks like a session before letting a page through;
 * the server checks the session itself.
 */
export const COOKIE_PREFIX = "draftline";
export const SESSION_COOKIE = `${COOKIE_PREFIX}.session_token`;
const SESSION_COOKIE_NAMES = [SESSION_COOKIE, `__Secure-${SESSION_COOKIE}`];

/** A signed token: `<token>.<signature>`, as Better Auth writes it (URL-encoded in the header). */
const LOOKS_SIGNED = /^[A-Za-z0-9_-]{16,128}\.[A-Za-z0-9+/_%=-]{16,128}$/;

export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => {
    const at = pair.indexOf("=");
    if (at < 0) return false;
    const name = pair.slice(0, at).trim();
    return SESSION_COOKIE_NAMES.includes(name) && LOOKS_SIGNED.test(pair.slice(at + 1).trim());
  });
}
