import { MAX_ACTION_BODY_BYTES } from "@/lib/files/limits";
import { MAX_REQUEST_BODY_BYTES } from "./body-limit";
import { isTextPath } from "./path-text";
import { crossSiteRefusal, expectedOrigin, originSettings, requestHost, type OriginSettings } from "./request-origin";
import { errorResponse } from "./respond";

/** Status 421 Misdirected Request: the request names a host this server does not serve. */
const MISDIRECTED = 421;

function refusal(isApi: boolean, status: number, code: "forbidden" | "invalid" | "too_large", message: string): Response {
  if (isApi) return Response.json({ error: { code, message } }, { status });
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
}

/**
 * What the proxy checks before any page, route or server action runs, as a refusal or null:
 * the Host is one this server answers to (no DNS rebinding), a JSON route's path is text,
 * a request that changes state comes from this app's own origin, and its body fits what
 * the proxy buffers. JSON routes get `{ error: { code, message } }`; pages and actions plain text.
 */
export function guardRequest(request: Request, settings: OriginSettings = originSettings()): Response | null {
  const { pathname } = new URL(request.url);
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  const { headers, method } = request;

  if (expectedOrigin(headers, settings) === null) {
    const host = requestHost(headers, settings);
    const name = host ?? "the name this request used";
    return refusal(
      isApi,
      MISDIRECTED,
      "forbidden",
      `This server does not answer to ${name}. Open it at localhost or 127.0.0.1, or at the address DRAFTLINE_ORIGIN names.`,
    );
  }
  if (isApi && !isTextPath(pathname)) {
    return errorResponse({ code: "invalid", message: "The address has a part that is not valid text (a broken percent-escape)." });
  }
  // The token API never reads cookies (a token call is no browser riding a session), so a call
  // with a bearer token needs no Origin; without one it is checked like any other write. HTTP
  // triggers are called by other systems, which send no Origin: the environment's bearer token
  // authenticates them instead, and a browser cannot attach it to a cross-site request.
  const exempt = isTokenApiCall(pathname, headers) || isCalledByOtherSystems(pathname);
  const crossSite = exempt ? null : crossSiteRefusal(method, headers, settings);
  if (crossSite !== null) return refusal(isApi, 403, "forbidden", crossSite);
  if (Number(headers.get("content-length")) > MAX_REQUEST_BODY_BYTES) {
    return refusal(isApi, 413, "too_large", `The request is larger than the ${MAX_REQUEST_BODY_BYTES / 1024 / 1024} MB the server reads.`);
  }
  if (headers.has("next-action") && Number(headers.get("content-length")) > MAX_ACTION_BODY_BYTES) {
    // Next would answer a bare 500 ("Body exceeded"); no valid action is this large.
    return refusal(isApi, 413, "too_large", "The request is larger than any change the app accepts: files hold at most 1 MB.");
  }
  return null;
}

/**
 * Paths other systems call with a bearer token of their own, never a session: the HTTP trigger
 * `/hooks/…` and the sample project's stub shop and ERP `/sample-api/…`, which its runs call
 * from the server. They need no Origin and no signed-in visitor, and get no page headers.
 */
export function isCalledByOtherSystems(pathname: string): boolean {
  return pathname.startsWith("/hooks/") || pathname.startsWith("/sample-api/");
}

/** A call to the token API (/api/v1) that carries a bearer token. */
export function isTokenApiCall(pathname: string, headers: Headers): boolean {
  return isTokenApiPath(pathname) && /^Bearer\s/i.test(headers.get("authorization") ?? "");
}

/** The token-authenticated API: its routes check the token themselves, and never accept a session. */
export function isTokenApiPath(pathname: string): boolean {
  return pathname === "/api/v1" || pathname.startsWith("/api/v1/");
}

/**
 * A server action's body as React sends it without files: its arguments as a JSON array in
 * text/plain. Next answers any other text with a bare 500 before the action runs, so the proxy
 * refuses it first (multipart bodies, which carry files, are left to Next).
 */
export async function refuseMalformedAction(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("text/plain")) return null;
  const body = await request.clone().text();
  try {
    if (Array.isArray(JSON.parse(body))) return null;
  } catch {
    // Not JSON: refused below.
  }
  return refusal(false, 400, "invalid", "The request was not understood; reload the page and try again.");
}
