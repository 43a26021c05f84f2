import { test as base, expect } from "@playwright/test";
import { WorkspacePage } from "./pages/workspace";

/**
 * Every test gets a workspace page object, and fails if the page asked for anything outside
 * this machine (Monaco from a CDN, fonts, analytics…) or logged an error. A test that provokes
 * an error on purpose (a 404 page, a refused request) lists it in `expectedConsoleErrors`.
 */
export const test = base.extend<{ workspace: WorkspacePage; expectedConsoleErrors: RegExp[] }>({
  expectedConsoleErrors: async ({}, use) => {
    await use([]);
  },
  workspace: async ({ page, baseURL, expectedConsoleErrors }, use) => {
    const foreignRequests: string[] = [];
    const consoleErrors: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(baseURL ?? "http://127.0.0.1") && !/^(data|blob):/.test(url)) foreignRequests.push(url);
    });
    page.on("console", (message) => {
      // Chromium logs every refused stale save (409) and every request made while a test has
      // taken the browser offline; both are expected answers, not faults of the page.
      const text = message.text();
      const expected = [/status of 409 \(Conflict\)/, /net::ERR_INTERNET_DISCONNECTED/, ...expectedConsoleErrors];
      if (message.type() === "error" && !expected.some((pattern) => pattern.test(text))) {
        consoleErrors.push(text);
      }
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));

    await use(new WorkspacePage(page));

    expect(foreignRequests, "requests that left localhost").toEqual([]);
    expect(consoleErrors, "errors in the browser console").toEqual([]);
  },
});

export { expect };
