import { isJsonContentType } from "./is-json-content-type";
import { crossSiteRefusal, originSettings } from "./request-origin";
import type { DomainError, ErrorCode, Result } from "@/lib/result";

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  precondition_failed: 412,
  precondition_required: 428,
  too_many_requests: 429,
  unexpected: 500,
};

export function errorResponse(error: DomainError): Response {
  return Response.json({ error }, { status: STATUS_BY_CODE[error.code] });
}

export function resultResponse<T>(result: Result<T>): Response {
  return result.ok ? Response.json(result.value) : errorResponse(result.error);
}

/**
 * Route handlers that change state accept only same-origin JSON: the proxy checks the origin
 * of every request already, and this repeats it where the state changes, with the same
 * settings. A cross-site form can post text/plain without a preflight; a JSON content type forces one.
 */
export function refuseCrossSite(request: Request): Response | null {
  const crossSite = crossSiteRefusal(request.method, request.headers, originSettings());
  if (crossSite !== null) return errorResponse({ code: "forbidden", message: crossSite });
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return errorResponse({ code: "invalid", message: "Send the request body as application/json." });
  }
  return null;
}
