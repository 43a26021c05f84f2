import { ACCOUNTS } from "./accounts";
import { API } from "./api";
import { seriousViolations } from "./axe";
import { SAME_ORIGIN } from "./base-url";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in";
import { SAMPLE_PROJECT } from "./pages/workspace";

const PROJECT = `/projects/${SAMPLE_PROJECT}`;
const SIGNED_OUT = { cookies: [], origins: [] };

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });
  // The refused sign-in and the signed-out requests are logged by Chromium; they are the point here.
  test.beforeEach(({ expectedConsoleErrors }) => {
    expectedConsoleErrors.push(/status of 401/);
  });

  test("every page sends the visitor to sign in, and back to it afterwards", async ({ workspace, page }) => {
    const pages = ["/", `${PROJECT}/versions/00000000-0000-4000-8000-000000000000`, `${PROJECT}/compare?from=draft&to=draft`, "/projects/no-such-project", PROJECT, `${PROJECT}/environments`];
    for (const path of pages) {
      await page.goto(path);
      await expect(page, path).toHaveURL(path === "/" ? /\/sign-in$/ : `/sign-in?next=${encodeURIComponent(path)}`);
      await expect(page.getByRole("heading", { name: "Sign in" }), path).toBeVisible();
    }
    const signIn = new SignInPage(workspace.page);
    await signIn.fill(ACCOUNTS.viewer.email, ACCOUNTS.viewer.password);
    await expect(page).toHaveURL(`${PROJECT}/environments`);
    await expect(page.getByRole("region", { name: "production" })).toBeVisible();
  });

  test("JSON routes answer 401 with the error body, and change nothing", async ({ request }) => {
    for (const route of ["/files", "/versions", "/versions/names", "/environments", "/draft/status", "/files/content?path=README.md"]) {
      const response = await request.get(`${API}${route}`);
      expect(response.status(), route).toBe(401);
      expect(await response.json(), route).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue." } });
    }
    const save = await request.put(`${API}/files/content?path=README.md`, {
      headers: { ...SAME_ORIGIN, "content-type": "application/json" },
      data: JSON.stringify({ content: "overwritten\n", baseRevision: 1 }),
    });
    expect(save.status()).toBe(401);
    expect((await request.get("/api/health")).ok()).toBe(true);
  });

  test("a wrong password says so, and the page stays usable", async ({ workspace, page }) => {
    const signIn = new SignInPage(workspace.page);
    await signIn.open();
    await signIn.fill(ACCOUNTS.builder.email, "not the password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is wrong. Check both and try again.");
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test("the Account menu names the person, and Sign out ends the session", async ({ browser, baseURL }) => {
  // A session of its own: signing out must not end the admin's, which the other specs share.
  const context = await browser.newContext({ storageState: SIGNED_OUT, baseURL });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.signIn(ACCOUNTS.builder.email, ACCOUNTS.builder.password, PROJECT);
  await expect(page).toHaveURL(PROJECT);
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole("button", { name: "Account" }).click();
    const menu = page.getByRole("menu");
    await expect(menu).toContainText(ACCOUNTS.builder.name);
    await expect(menu).toContainText(ACCOUNTS.builder.email);
    expect(await seriousViolations(page), `${width} px`).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
  }
  const cookies = await context.storageState();
  await signIn.signOut();
  await page.goto(PROJECT);
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(PROJECT)}`);
  // The old cookie, sent again, names no session any more.
  const replayed = await browser.newContext({ storageState: cookies, baseURL });
  expect((await replayed.request.get(`${API}/files`)).status()).toBe(401);
  await replayed.close();
  await context.close();
});
