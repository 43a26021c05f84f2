import type { Page, Route } from "@playwright/test";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { SAMPLE_PROJECT } from "./pages/workspace";

const UNEXPECTED = { error: { code: "unexpected", message: "Something went wrong (ref abcd1234).", ref: "abcd1234" } };
const NOT_FOUND_LOG = /status of 404 \(Not Found\)/;
const SERVER_ERROR_LOG = /status of 500 \(Internal Server Error\)/;
const NETWORK_LOG = /net::ERR_FAILED/;
/** How the app used to describe every failure, bugs and server errors included. */
const DISGUISED = /could not be reached|Failed to fetch/;

/** The project's server actions are POSTs to the page itself, marked by a Next-Action header. */
async function routeServerActions(page: Page, handle: (route: Route) => Promise<void>) {
  await page.route(
    (url) => url.pathname === `/projects/${SAMPLE_PROJECT}`,
    async (route) => {
      const request = route.request();
      if (request.method() === "POST" && (await request.headerValue("next-action"))) await handle(route);
      else await route.fallback();
    },
  );
}

test("an unknown project shows the not-found page, which leads back to the projects", async ({ workspace, page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(NOT_FOUND_LOG);
  const response = await page.goto("/projects/nope");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Project not found" })).toBeVisible();
  await expect(page.getByText('There is no project "nope"')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "All projects" }).click();
  await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  await page.getByRole("list", { name: "Your projects" }).getByRole("link", { name: /Order sync/ }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${SAMPLE_PROJECT}`));
  await expect(workspace.editorLines).toBeVisible();
});

test("a project address that is not valid text shows the not-found page, not a server error", async ({ workspace, page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(NOT_FOUND_LOG);
  for (const slug of ["%ED%A0%80", "%FF"]) {
    const response = await page.goto(`/projects/${slug}`);
    expect(response?.status(), slug).toBe(404);
    await expect(page.getByRole("heading", { name: "Project not found" })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "All projects" })).toBeVisible();
  expect(workspace).toBeTruthy();

  const api = await page.request.get("/api/projects/%FF/files");
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ error: { code: "invalid" } });
});

test("an unknown address shows the styled not-found page", async ({ workspace, page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(NOT_FOUND_LOG);
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "All projects" })).toBeVisible();
  expect(workspace).toBeTruthy();
});

test("a file the draft does not have is named in a notice, and the tree stays usable", async ({ workspace, page }) => {
  await page.goto(`/projects/${SAMPLE_PROJECT}?file=does/not/exist.ts`);
  const notice = page.getByRole("status").filter({ hasText: "does/not/exist.ts does not exist in the latest draft" });
  await expect(notice).toBeVisible();
  await expect(workspace.editorLines).toBeVisible();
  await expect(page.getByRole("main").getByText("README.md", { exact: true })).toBeVisible();

  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toBeHidden();
  await page.getByRole("treeitem", { name: /integration\.yaml/ }).click();
  await expect(page).toHaveURL(/file=integration\.yaml/);
  await expect(page.getByRole("main").getByText("integration.yaml", { exact: true })).toBeVisible();
});

test("an autosave the server fails with a reference says so, not that the browser is offline", async ({ workspace, page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(SERVER_ERROR_LOG);
  await workspace.open();
  await page.route("**/files/content?**", (route) =>
    route.request().method() === "PUT" ? route.fulfill({ status: 500, json: UNEXPECTED }) : route.fallback(),
  );
  await workspace.typeAtStart("// kept while the server fails\n");

  await expect(page.getByRole("alert").filter({ hasText: "Something went wrong (ref abcd1234)" })).toBeVisible();
  await expect(page.getByText("Offline — changes kept locally")).toBeHidden();

  // The text is still saved once the server recovers.
  await page.unroute("**/files/content?**");
  await workspace.expectSaved();
});

test("a list the server fails to load shows its reference", async ({ workspace, page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(SERVER_ERROR_LOG);
  // Before the page loads: the workspace prefetches the first page of versions.
  await page.route("**/api/projects/*/versions?**", (route) => route.fulfill({ status: 500, json: UNEXPECTED }));
  await workspace.open();
  await workspace.versionHistoryButton.click();
  await expect(workspace.versionHistory.getByText("Something went wrong (ref abcd1234)")).toBeVisible();
  await expect(workspace.versionHistory.getByText(DISGUISED)).toBeHidden();
});

test("a request that never reaches the server says the server cannot be reached", async ({ workspace, page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(NETWORK_LOG);
  // Before the page loads: the workspace prefetches the first page of versions.
  await page.route("**/api/projects/*/versions?**", (route) => route.abort());
  await workspace.open();
  await workspace.versionHistoryButton.click();
  await expect(workspace.versionHistory.getByText(/Cannot reach the server/)).toBeVisible();
});

test("a server action the server fails is reported as a server problem, not as unreachable", async ({ workspace, page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(SERVER_ERROR_LOG);
  await workspace.open();
  const dialog = await workspace.openCreateVersionDialog();
  await routeServerActions(page, (route) => route.fulfill({ status: 500, json: UNEXPECTED }));
  await dialog.getByRole("button", { name: "Create version" }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("No version was created. Something went wrong on the server");
  await expect(alert).not.toContainText(DISGUISED);
});

test("a server action that cannot reach the server says so", async ({ workspace, page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(NETWORK_LOG);
  await workspace.open();
  const dialog = await workspace.openCreateVersionDialog();
  await routeServerActions(page, (route) => route.abort());
  await dialog.getByRole("button", { name: "Create version" }).click();
  await expect(dialog.getByRole("alert")).toContainText("No version was created. Cannot reach the server");
});

test("robots.txt keeps crawlers out and the favicon is served", async ({ workspace, request, page }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s/);

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\//);

  // One icon mechanism: the page links the public icons, and each link answers.
  await workspace.open();
  const icons = await page.locator('link[rel~="icon"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(icons.length).toBeGreaterThan(0);
  for (const icon of icons) expect((await request.get(icon)).status(), icon).toBe(200);
  expect(icons.some((icon) => new URL(icon).pathname === "/favicon.ico")).toBe(true);
});
