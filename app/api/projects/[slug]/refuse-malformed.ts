import { validatePath } from "@/lib/files/validate-path";
import { errorResponse } from "@/lib/http/respond";
import { isId } from "@/lib/ids";

/** What the services answer for an unknown id; a malformed one gets the same, before any query. */
const UNKNOWN = {
  environment: "This environment does not exist in this project.",
  version: "This version does not exist in this project.",
  execution: "This execution does not exist in this environment.",
} as const;

/**
 * A 404 when `value` cannot be a row id, so strings PostgreSQL cannot hold (NUL, lone
 * surrogates) never reach a query. An absent value (null) is left to the handler.
 */
export function refuseMalformedId(kind: keyof typeof UNKNOWN, value: string | null): Response | null {
  return value === null || isId(value) ? null : errorResponse({ code: "not_found", message: UNKNOWN[kind] });
}

/** A 400 saying what is wrong with a file path no draft or version can hold. */
export function refuseMalformedPath(path: string): Response | null {
  const checked = validatePath(path);
  return checked.ok ? null : errorResponse(checked.error);
}
