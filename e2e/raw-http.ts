import { request as httpRequest } from "node:http";

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

/**
 * One HTTP request with exactly these headers, `Host` included: browsers and Playwright's
 * request context set Host themselves, but an attacker's DNS-rebound page or a forged
 * proxy header arrives with any value.
 */
export function rawRequest(
  baseURL: string,
  { method = "GET", path, headers = {}, body }: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const base = new URL(baseURL);
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
