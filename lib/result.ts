/**
 * Expected failures a user can cause, plus `unexpected`: a bug or outage the server caught at
 * its entry point, logged there under `ref` and answered as "Something went wrong (ref …)".
 */
export type ErrorCode =
  | "invalid"
  | "unauthenticated"
  | "conflict"
  | "not_found"
  | "forbidden"
  | "too_large"
  /** The API: a write named a stale ETag (If-Match) or none where one is required. */
  | "precondition_failed"
  | "precondition_required"
  /** The API: a token over its rate limit. */
  | "too_many_requests"
  | "unexpected";

export interface DomainError {
  code: ErrorCode;
  message: string;
  /** Per-field messages for forms, keyed by the input's field name. */
  fields?: Record<string, string>;
  /** Only on `unexpected`: the reference under which the server logged the failure. */
  ref?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fields?: Record<string, string>): { ok: false; error: DomainError } {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}
