import { isJsonContentType } from "./is-json-content-type";
import type { DomainError, ErrorCode, Result } from "@/lib/result";

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unexpected: 500,
};

export function errorResponse(error: DomainError): Response {
  return Response.json({ error }, { status: STATUS_BY_CODE[error.code] });
}

export function resultResponse<T>(result: Result<T>): Response {
  return result.ok ? Response.json(result.value) : errorResponse(result.error);
}

/**
 * Route handlers that change state accept only same-origin JSON: a cross-site form can post
 * text/plain without a preflight, and a JSON content type forces one.
 */
export function refuseCrossSite(request: Request): Response | null {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (origin !== null && (host === null || new URL(origin).host !== host)) {
    return errorResponse({ code: "forbidden", message: "Cross-site requests are not allowed." });
  }
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return errorResponse({ code: "invalid", message: "Send the request body as application/json." });
  }
  return null;
}
