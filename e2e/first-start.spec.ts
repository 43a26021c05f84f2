import { spawn, type ChildProcess } from "node:child_process";
import { BASE_URL } from "./base-url";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in";
import { SAMPLE_PROJECT } from "./pages/workspace";

/**
 * A new install, on a server of its own (E2E_FRESH_PORT, else 1000 above the shared server's
 * port; a database with no account; the sign-in rate limit at its default): the shared test
 * server is seeded with accounts already.
 */
const FRESH_URL = `http://127.0.0.1:${Number(process.env.E2E_FRESH_PORT ?? Number(new URL(BASE_URL).port) + 1000)}`;
let server: ChildProcess;

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ baseURL: FRESH_URL, storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const taken = await fetch(`${FRESH_URL}/api/health`).then(() => true, () => false);
  expect(taken, `${FRESH_URL} is in use already; set E2E_FRESH_PORT to a free port`).toBe(false);
  server = spawn("node", ["e2e/start-server.mjs", new URL(FRESH_URL).port, "--fresh"], { stdio: "ignore", detached: true });
  await expect
    .poll(async () => fetch(`${FRESH_URL}/api/health`).then((response) => response.status, () => 0), { timeout: 150_000, intervals: [1_000] })
    .toBe(200);
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
});

const OWNER = { name: "Frieda First", email: "frieda@example.com", password: "a long first password" };

test("the first visit creates the owner, who then runs every project", async ({ workspace, page, browser }) => {
  const signIn = new SignInPage(workspace.page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();
    expect(await seriousViolations(page), `${width} px`).toEqual([]);
  }
  await signIn.createOwner(OWNER);
  // The owner lands on the projects, as admin of the sample.
  await expect(page.getByRole("list", { name: "Your projects" })).toContainText("Your role: Admin");
  await page.getByRole("list", { name: "Your projects" }).getByRole("link", { name: /Order sync/ }).click();
  await expect(page).toHaveURL(`/projects/${SAMPLE_PROJECT}`);
  await page.getByRole("button", { name: "Account" }).click();
  await expect(page.getByRole("menu")).toContainText(OWNER.email);
  await page.keyboard.press("Escape");

  // Once an account exists, nobody else is offered to create one.
  const stranger = await browser.newContext({ baseURL: FRESH_URL, storageState: { cookies: [], origins: [] } });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto("/sign-in");
  await expect(strangerPage.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(strangerPage.getByRole("heading", { name: "Create the owner account" })).toHaveCount(0);
  await stranger.close();
});

test.describe("after too many wrong passwords", () => {
  test.beforeEach(({ expectedConsoleErrors }) => {
    expectedConsoleErrors.push(/status of 401/, /status of 429/);
  });

  test("an address is told to wait", async ({ workspace, page }) => {
    const signIn = new SignInPage(workspace.page);
    await signIn.open();
    const alert = page.getByRole("main").getByRole("alert");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn.fill(OWNER.email, `wrong password ${attempt}`);
      await expect(alert).toHaveText(/wrong/);
      await page.reload();
    }
    await signIn.fill(OWNER.email, OWNER.password);
    await expect(alert).toHaveText(/^Too many sign-in attempts from this address\. Wait \d+ seconds?, then try again\.$/);
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
