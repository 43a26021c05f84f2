import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { WorkspacePage } from "./pages/workspace";

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

/**
 * A server action request as the browser makes it (creating a version named after `label`),
 * caught before it reaches the server: its headers let a test send any action as a browser would.
 */
export async function captureAction(page: Page, label: string): Promise<CapturedAction> {
  const workspace = new WorkspacePage(page);
  const name = `${label}-capture-${Date.now()}`;
  const caught = await interceptAction(page, (body) => body.includes(name));
  await workspace.open("README.md");
  const dialog = await workspace.openCreateVersionDialog();
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("button", { name: "Create version" }).click();
  return caught();
}

/** Sends the action `actionId` with `body`, with the captured request's headers, as if from `origin`. */
export function sendAction(request: APIRequestContext, captured: CapturedAction, actionId: string, body: string, origin: string, headers: Record<string, string> = {}) {
  return replay(request, { ...captured, headers: { ...captured.headers, "next-action": actionId, ...headers } }, origin, body);
}

/** Sends a captured action again, as if from `origin`, optionally with another body. */
export function replay(request: APIRequestContext, action: CapturedAction, origin: string, body = action.body) {
  return request.post(action.url, { headers: { ...action.headers, origin }, data: body });
}

export type ActionResult = { ok?: boolean; error?: { code?: unknown; message?: unknown; fields?: unknown } };

/**
 * A server action's answer: the Result in the Flight response, if it carries one. Rows are
 * `id:json` lines, or `id:T<hex byte length>,<text>` for long strings, referred to as "$id".
 */
export function actionResult(text: string): ActionResult | undefined {
  const bytes = Buffer.from(text, "utf8");
  const texts = new Map<string, string>();
  const rows: unknown[] = [];
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(":", at);
    if (colon < 0) break;
    const id = bytes.toString("utf8", at, colon);
    if (bytes[colon + 1] === "T".charCodeAt(0)) {
      const comma = bytes.indexOf(",", colon);
      const length = parseInt(bytes.toString("utf8", colon + 2, comma), 16);
      texts.set(id, bytes.toString("utf8", comma + 1, comma + 1 + length));
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf("\n", colon);
    const json = bytes.toString("utf8", colon + 1, end < 0 ? bytes.length : end);
    at = end < 0 ? bytes.length : end + 1;
    try {
      rows.push(JSON.parse(json));
    } catch {
      // Rows that are not JSON (module references, hints) carry no result.
    }
  }
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && /^\$[0-9a-f]+$/.test(value) && texts.has(value.slice(1))) return texts.get(value.slice(1));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
    return value;
  };
  const result = rows.find((row) => row !== null && typeof row === "object" && "ok" in row);
  return result === undefined ? undefined : (resolve(result) as ActionResult);
}

/** The server actions' ids by exported name, from the build the server runs. */
export function actionIds(): Record<string, string> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName && entry.filename?.includes("app/projects/[slug]/actions/")) ids[entry.exportedName] = id;
  }
  return ids;
}

/** The body React sends for plain arguments: their JSON, `undefined` spelled the Flight way. */
export function encodeArgs(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) => (value === undefined ? "$undefined" : value));
}
