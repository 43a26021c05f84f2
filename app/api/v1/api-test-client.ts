import path from "node:path";
import type { ApiOperation } from "@/lib/api/api-operation";

/** The route file that serves an operation's path: `/projects/{slug}/files` → `projects/[slug]/files/route.ts`. */
export function routeFileOf(operationPath: string): string {
  return `${operationPath.slice(1).replace(/\{([^}]+)\}/g, "[$1]")}/route.ts`;
}

export interface ApiCall {
  token?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

type RouteModule = Record<string, (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>;

/** Calls the route handler of `operation` as a script would over HTTP (bearer token, JSON body). */
export async function callApi(operation: ApiOperation, call: ApiCall = {}): Promise<Response> {
  const params = call.params ?? {};
  const pathname = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
  const url = new URL(`http://localhost/api/v1${pathname}`);
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    headers["content-type"] ??= "application/json";
  }
  const loaded = (await import(/* @vite-ignore */ path.join(import.meta.dirname, routeFileOf(operation.path)))) as RouteModule;
  const handler = loaded[operation.method];
  if (!handler) throw new Error(`${routeFileOf(operation.path)} exports no ${operation.method}`);
  return handler(new Request(url, { method: operation.method, headers, body }), { params: Promise.resolve(params) });
}
