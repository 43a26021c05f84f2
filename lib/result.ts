/** Expected failures a user can cause; anything else is a bug and throws. */
export type ErrorCode = "invalid" | "conflict" | "not_found" | "forbidden" | "too_large";

export interface DomainError {
  code: ErrorCode;
  message: string;
  /** Per-field messages for forms, keyed by the input's field name. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fields?: Record<string, string>): { ok: false; error: DomainError } {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}
