import type { DomainError, ErrorCode } from "@/lib/result";

/** A request the server refused, with the error code it gave (null for gateway and network failures). */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode | null,
  ) {
    super(message);
  }
}

/** The error a refused response carries, as `errorResponse` wrote it, or a plain one for a gateway's page. */
export async function readRequestError(response: Response): Promise<RequestError> {
  const body = (await response.json().catch(() => null)) as { error?: Partial<DomainError> } | null;
  return new RequestError(body?.error?.message ?? `The server answered ${response.status}.`, body?.error?.code ?? null);
}

/**
 * The browser's side of `resultResponse`: GETs a route handler's JSON, never from the HTTP
 * cache. A refusal throws a RequestError with the server's message and code.
 */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, cache: "no-store" });
  if (!response.ok) throw await readRequestError(response);
  return (await response.json()) as T;
}
