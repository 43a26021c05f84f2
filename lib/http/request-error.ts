import type { DomainError, ErrorCode } from "@/lib/result";

/**
 * A request that failed: refused by the server (with the code it gave; null for a gateway's
 * page), failed on the server (`unexpected`, with the `ref` it was logged under), or never
 * answered (`status` null: the network).
 */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode | null,
    readonly status: number | null = null,
    readonly ref: string | null = null,
  ) {
    super(message);
    this.name = "RequestError";
  }
}

/** The error a refused response carries, as `errorResponse` wrote it, or a plain one for a gateway's page. */
export async function readRequestError(response: Response): Promise<RequestError> {
  const body = (await response.json().catch(() => null)) as { error?: Partial<DomainError> } | null;
  const error = body?.error;
  return new RequestError(
    error?.message ?? `The server answered ${response.status}.`,
    error?.code ?? null,
    response.status,
    typeof error?.ref === "string" ? error.ref : null,
  );
}
