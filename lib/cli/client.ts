import { randomUUID } from "node:crypto";
import { CliError } from "./errors";
import type { Login } from "./config";

type Query = Record<string, string | number | undefined>;

interface CallOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The API's one error body. */
interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

/**
 * The /api/v1 client: the token as a Bearer header, errors turned into CliErrors carrying the
 * server's message, and every POST sent with an Idempotency-Key, which a retry after a dropped
 * connection reuses so the server does the change at most once.
 */
export class ApiClient {
  constructor(private readonly login: Login) {}

  get server(): string {
    return this.login.server;
  }

  async json<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, options: CallOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    return (await response.json()) as T;
  }

  /** The raw response of a successful call (for ETags and streamed exports). */
  async send(method: "GET" | "POST" | "PUT" | "DELETE", path: string, options: CallOptions = {}): Promise<Response> {
    const url = new URL(`/api/v1${path}`, this.login.server);
    for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    const headers: Record<string, string> = { authorization: `Bearer ${this.login.token}`, accept: "application/json", ...options.headers };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (method === "POST") headers["idempotency-key"] = randomUUID();
    const init = { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) };
    const response = await this.fetchOnce(url, init).catch(async (error: unknown) => {
      // A dropped connection: the same request again, with the same Idempotency-Key.
      if (method === "GET" || method === "POST") return this.fetchOnce(url, init);
      throw error;
    });
    if (!response.ok) throw await this.refusal(response);
    return response;
  }

  private async fetchOnce(url: URL, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`Cannot reach ${this.login.server}: ${cause?.code ?? cause?.message ?? (error as Error).message}.`, "unreachable");
    }
  }

  private async refusal(response: Response): Promise<CliError> {
    const text = await response.text();
    let body: ErrorBody = {};
    try {
      body = JSON.parse(text) as ErrorBody;
    } catch {
      // Not the API's error body (a proxy in between, an old server): the status says enough.
    }
    const code = body.error?.code ?? `http_${response.status}`;
    let message = body.error?.message ?? `The server answered ${response.status} ${response.statusText}.`;
    if (response.status === 401) message = `${message} Run \`draftline login\` with a valid token.`;
    if (response.status === 429) message = `${message} Try again in ${response.headers.get("retry-after") ?? "a few"} seconds.`;
    const fields = body.error?.fields;
    if (fields && Object.keys(fields).length > 0) message += ` (${Object.entries(fields).map(([field, problem]) => `${field}: ${problem}`).join("; ")})`;
    return new CliError(message, code, fields);
  }
}
