import { test as base, expect } from "@playwright/test";
import { WorkspacePage } from "./pages/workspace";

/**
 * Every test gets a workspace page object, and fails if the page asked for anything outside
 * this machine (Monaco from a CDN, fonts, analytics…) or logged an error.
 */
export const test = base.extend<{ workspace: WorkspacePage }>({
  workspace: async ({ page, baseURL }, use) => {
    const foreignRequests: string[] = [];
    const consoleErrors: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(baseURL ?? "http://127.0.0.1") && !/^(data|blob):/.test(url)) foreignRequests.push(url);
    });
    page.on("console", (message) => {
      // Chromium logs every refused stale save (409) and every request made while a test has
      // taken the browser offline; both are expected answers, not faults of the page.
      if (message.type() === "error" && !/status of 409 \(Conflict\)|net::ERR_INTERNET_DISCONNECTED/.test(message.text())) {
        consoleErrors.push(message.text());
      }
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));

    await use(new WorkspacePage(page));

    expect(foreignRequests, "requests that left localhost").toEqual([]);
    expect(consoleErrors, "errors in the browser console").toEqual([]);
  },
});

export { expect };
