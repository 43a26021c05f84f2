import { expect, type APIRequestContext, type Page, type Request } from "@playwright/test";

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

/**
 * Catches the server actions whose body `matches` and keeps them from reaching the server.
 * Returns a function that waits for the first one, stops catching and hands it over.
 */
export async function interceptAction(page: Page, matches: (body: string) => boolean): Promise<() => Promise<CapturedAction>> {
  let captured: CapturedAction | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"] && matches(request.postData() ?? "")) {
      captured = capture(request);
      await route.abort();
      return;
    }
    await route.fallback();
  });
  return async () => {
    await expect.poll(() => captured !== undefined, "a matching server action was sent").toBe(true);
    await page.unrouteAll({ behavior: "ignoreErrors" });
    return captured!;
  };
}

/** Sends a captured action again, as if from `origin`, optionally with another body. */
export function replay(request: APIRequestContext, action: CapturedAction, origin: string, body = action.body) {
  return request.post(action.url, { headers: { ...action.headers, origin }, data: body });
}
