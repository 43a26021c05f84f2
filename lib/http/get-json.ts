import { networkFailureMessage } from "./describe-failure";
import { readRequestError, RequestError } from "./request-error";

/**
 * `fetch`, with a failure to reach the server thrown as a RequestError that says so. An abort
 * by the caller's signal passes through as it is.
 */
export async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new RequestError(networkFailureMessage(), null, null);
  }
}

/**
 * The browser's side of `resultResponse`: GETs a route handler's JSON, never from the HTTP
 * cache. A refusal throws a RequestError with the server's message, code and reference.
 */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await request(url, { signal, cache: "no-store" });
  if (!response.ok) throw await readRequestError(response);
  return (await response.json()) as T;
}
