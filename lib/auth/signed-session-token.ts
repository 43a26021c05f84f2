import { constantTimeEqual, makeSignature } from "better-auth/crypto";

/** Better Auth's session cookie for this app: its name and the secret its value is signed with. */
export interface SessionCookie {
  name: string;
  secret: string;
}

/**
 * The session token a request's session cookie carries, or null when it carries none whose
 * signature is right. Better Auth writes the cookie as `<token>.<signature>` (URL-encoded), the
 * signature its `makeSignature` of the token (HMAC-SHA256, base64), and reads the first cookie of
 * the name: so does this, comparing signatures in constant time.
 */
export async function signedSessionToken(cookieHeader: string | null, cookie: SessionCookie): Promise<string | null> {
  const value = firstCookie(cookieHeader, cookie.name);
  if (!value) return null;
  const at = value.lastIndexOf(".");
  if (at < 1) return null;
  const token = value.slice(0, at);
  const signature = value.slice(at + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  return constantTimeEqual(await makeSignature(token, cookie.secret), signature) ? token : null;
}

function firstCookie(header: string | null, name: string): string | null {
  for (const pair of header?.split(";") ?? []) {
    const at = pair.indexOf("=");
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    let value = pair.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}
