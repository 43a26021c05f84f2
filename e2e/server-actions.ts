import type { Request } from "@playwright/test";

/** A server action request as the browser sent it, to replay it the way another client could. */
export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Headers the HTTP client sets itself; replaying the browser's values would only confuse it. */
const TRANSPORT_HEADERS = new Set(["host", "content-length", "connection", "cookie", "accept-encoding", "origin", "referer"]);

export function capture(request: Request): CapturedAction {
  const headers = Object.fromEntries(
    Object.entries(request.headers()).filter(([name]) => !TRANSPORT_HEADERS.has(name.toLowerCase())),
  );
  return { url: request.url(), headers, body: request.postData() ?? "" };
}
