import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { storageStatePath, type AccountRole } from "./accounts";

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

/**
 * The `Cookie` header of a role's signed-in browser state (saved by the setup project), for
 * requests made outside Playwright's browser and request contexts.
 */
export function sessionCookie(role: AccountRole = "admin"): string {
  const state = JSON.parse(readFileSync(storageStatePath(role), "utf8")) as { cookies: Array<{ name: string; value: string }> };
  return state.cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
}

/**
 * One HTTP request with exactly these headers (and the admin's session cookie unless `headers`
 * name a cookie, or `signedIn` is false), `Host` included: browsers and Playwright's
 * request context set Host themselves, but an attacker's DNS-rebound page or a forged
 * proxy header arrives with any value.
 */
export function rawRequest(
  baseURL: string,
  {
    method = "GET",
    path,
    headers: given = {},
    body,
    signedIn = true,
  }: { method?: string; path: string; headers?: Record<string, string>; body?: string; signedIn?: boolean },
): Promise<RawResponse> {
  const base = new URL(baseURL);
  const headers = signedIn && !Object.keys(given).some((name) => name.toLowerCase() === "cookie") ? { cookie: sessionCookie(), ...given } : given;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { hostname: base.hostname, port: base.port, method, path, headers: { ...headers, ...(body === undefined ? {} : { "content-length": Buffer.byteLength(body) }) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, contentType: String(response.headers["content-type"] ?? ""), text: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
