import { describeBytes } from "./sandbox-limits";

export interface SandboxRequest {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body?: string;
}

export interface SandboxResponse {
  url: string;
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  redirected: boolean;
  body: string;
}

export interface FetchPolicy {
  /** Hosts a workflow may call: "erp.example.com" (any port) or "127.0.0.1:8080" (that port only). */
  allowedHosts: readonly string[];
  maxResponseBytes: number;
  signal: AbortSignal;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The host's side of a workflow's fetch: only allowed hosts, redirects checked hop by hop, bodies capped. */
export async function fetchForSandbox(request: SandboxRequest, policy: FetchPolicy): Promise<SandboxResponse> {
  let url = checkUrl(request.url, policy.allowedHosts);
  let { method, body } = request;
  const headers = request.headers.filter(([name]) => name.toLowerCase() !== "host");
  for (let hop = 0; ; hop++) {
    const response = await fetch(url, { method, headers, body, redirect: "manual", signal: policy.signal });
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || location === null || hop === MAX_REDIRECTS) {
      return {
        url: url.href,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        redirected: hop > 0,
        body: await readCapped(response, url, policy.maxResponseBytes),
      };
    }
    await response.body?.cancel();
    url = checkUrl(new URL(location, url).href, policy.allowedHosts);
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
    }
  }
}

export function checkUrl(text: string, allowedHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" is not a URL a workflow can fetch`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`Only http and https requests are allowed, not ${url.protocol.replace(/:$/, "")}`);
  }
  if (!allowedHosts.some((entry) => [url.host, url.hostname].includes(entry.toLowerCase()))) {
    const allowed = allowedHosts.length > 0 ? `it may call only ${allowedHosts.join(", ")}` : "it may call no hosts";
    throw new Error(`Requests to ${url.host} are not allowed from this workflow: ${allowed}`);
  }
  return url;
}

async function readCapped(response: Response, url: URL, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`The response from ${url.host} is larger than the ${describeBytes(maxBytes)} a workflow may read`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
