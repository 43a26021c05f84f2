import type { ErrorCode } from "@/lib/result";
import { RequestError } from "./request-error";

/**
 * Why a request failed, as the user should hear it: the network (nothing reached the server),
 * the server (a bug or outage there, with the reference it was logged under), a refusal (the
 * server's own message), or a bug in this page, which is no failure of the request at all and
 * must be reported, never shown as a network problem.
 */
export type Failure =
  | { kind: "network"; message: string }
  | { kind: "server"; message: string; ref: string | null }
  | { kind: "refused"; message: string; code: ErrorCode | null }
  | { kind: "bug"; error: unknown };

/** What browsers (Chromium, Firefox, Safari) and Node's fetch reject with when no answer came. */
const FETCH_FAILURES = new Set(["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed", "fetch failed"]);

/** Next's server-action client, for an answer that is not the action's (a gateway's page, a crash). */
const UNEXPECTED_ACTION_RESPONSE = "An unexpected response was received from the server.";

export function networkFailureMessage(): string {
  return typeof navigator !== "undefined" && navigator.onLine === false
    ? "You are offline. Reconnect and try again."
    : "Cannot reach the server. Check your connection and try again.";
}

export function serverFailureMessage(ref: string | null, status?: number): string {
  if (ref) return `Something went wrong (ref ${ref}).`;
  return `Something went wrong on the server${status ? ` (it answered ${status})` : ""}. Try again in a moment.`;
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof RequestError) {
    if (error.status === null) return { kind: "network", message: error.message };
    if (error.code === "unexpected" || error.status >= 500) {
      return { kind: "server", message: serverFailureMessage(error.ref, error.ref ? undefined : error.status), ref: error.ref };
    }
    return { kind: "refused", message: error.message, code: error.code };
  }
  if (isFetchFailure(error)) return { kind: "network", message: networkFailureMessage() };
  const actionRef = serverActionFailureRef(error);
  if (actionRef !== undefined) return { kind: "server", message: serverFailureMessage(actionRef), ref: actionRef };
  return { kind: "bug", error };
}

/** Network and server failures may pass on their own; a refusal or a bug will not. */
export function isWorthRetrying(error: unknown): boolean {
  const { kind } = describeFailure(error);
  return kind === "network" || kind === "server";
}

function isFetchFailure(error: unknown): boolean {
  if (error instanceof TypeError) return FETCH_FAILURES.has(error.message);
  // The page is going away (or the request was cancelled) while it waited for the answer.
  return error instanceof DOMException && error.name === "AbortError";
}

/**
 * A server action that threw reaches the browser as a rejection: an Error whose `digest` is the
 * id Next logged it under (its message is withheld in production). Next's own control flow
 * (redirect, notFound) also carries a digest, starting "NEXT_": that is not a failure.
 * Undefined when `error` is not a server action's failure; null when it has no reference.
 */
function serverActionFailureRef(error: unknown): string | null | undefined {
  if (!(error instanceof Error)) return undefined;
  const digest = (error as { digest?: unknown }).digest;
  if (typeof digest === "string") return digest.startsWith("NEXT_") ? undefined : digest;
  return error.message === UNEXPECTED_ACTION_RESPONSE ? null : undefined;
}
