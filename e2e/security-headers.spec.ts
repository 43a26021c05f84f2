import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext, APIResponse, Page, Response } from "@playwright/test";
import { SAMPLE_PROJECT as SAMPLE } from "@/lib/projects/sample-project";
import { API, draftFile, versionNamed } from "./api";
import { SAME_ORIGIN } from "./base-url";
import { expect, test } from "./fixtures";
import { ComparePage } from "./pages/compare";
import { EnvironmentsPage } from "./pages/environments";
import { SAMPLE_PROJECT, type WorkspacePage } from "./pages/workspace";

const PROJECT = `/projects/${SAMPLE_PROJECT}`;
const NOT_FOUND_LOG = /status of 404 \(Not Found\)/;

/** What the browser reports for each thing the page's policy refused. */
async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (violation: string) => void }).reportCspViolation;
      void report(`${event.effectiveDirective} refused ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return violations;
}

/** The policy a page was served with: one, with a nonce for scripts and nothing that lets injected code run. */
function expectStrictPolicy(response: Response | APIResponse | null) {
  const policy = response?.headers()["content-security-policy"];
  expect(policy, `Content-Security-Policy of ${response?.url()}`).toBeDefined();
  const directives = new Map(
    policy!.split(";").map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources] as const;
    }),
  );
  expect(directives.get("script-src")).toEqual(expect.arrayContaining([expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{22,}'$/)]));
  expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
  expect(directives.get("script-src")).not.toContain("'unsafe-eval'");
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'none'"]);
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expectStrictPolicy(response);
  return response;
}

/**
 * Types text the language service flags into the open file, waits for Monaco's worker to mark it
 * (so the worker started and answers), then deletes it again so the draft is unchanged.
 */
async function typeFlaggedAndUndo(workspace: WorkspacePage, text: string) {
  const flagged = workspace.page.locator(".monaco-editor .squiggly-error");
  const before = await flagged.count();
  await workspace.typeAtStart(text);
  await expect(workspace.editorLines).toContainText(text);
  await expect.poll(() => flagged.count(), "a problem marked by the language worker").toBeGreaterThan(before);
  // The cursor is right after the text.
  for (let left = text.length; left > 0; left--) await workspace.page.keyboard.press("Backspace");
  await expect(workspace.editorLines).not.toContainText(text);
  await workspace.expectSaved();
}

/** Puts a file of the sample project back as the seed wrote it. */
async function restoreSampleFile(request: APIRequestContext, path: string) {
  const content = SAMPLE.files.find((file) => file.path === path)?.content;
  if (content === undefined) throw new Error(`${path} is not a file of the sample project`);
  const { revision } = await draftFile(request, path);
  const saved = await request.put(`${API}/files/content?path=${encodeURIComponent(path)}`, {
    headers: { "content-type": "application/json", ...SAME_ORIGIN },
    data: JSON.stringify({ content, baseRevision: revision }),
  });
  expect(saved.ok(), `restoring ${path}`).toBe(true);
}

/** A test that fails on anything the page's Content-Security-Policy refused. */
const underPolicy = test.extend<{ violations: string[] }>({
  violations: [
    async ({ page }, use) => {
      const violations = await collectViolations(page);
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

underPolicy("the editor and its language workers run under the policy", async ({ workspace, page, request }) => {
  // The projects page, then a project opened from it.
  await visit(page, "/");
  await page.getByRole("list", { name: "Your projects" }).getByRole("link", { name: /^Order sync/ }).click();
  await expect(workspace.editorLines).toBeVisible();

  await visit(page, `${PROJECT}?file=${encodeURIComponent("workflows/order-sync.ts")}`);
  await workspace.waitForEditorWorker();
  await typeFlaggedAndUndo(workspace, 'const checked: number = "text"; ');
  // Other specs leave their edits in the shared draft (conflict.spec puts a stray string at the
  // start of this file), and a parse error already there would hide the one typed below.
  await restoreSampleFile(request, "mappings/order-to-erp.json");
  await visit(page, `${PROJECT}?file=${encodeURIComponent("mappings/order-to-erp.json")}`);
  await workspace.waitForEditorWorker();
  await typeFlaggedAndUndo(workspace, '"stray" ');
});

underPolicy("Version History, a version's page and Compare work under the policy", async ({ workspace, page }) => {
  // A version under the name the app suggests, listed in Version History; the draft then moves on from it.
  await visit(page, `${PROJECT}?file=README.md`);
  await expect(workspace.editorLines).toBeVisible();
  const dialog = await workspace.openCreateVersionDialog();
  const nameBox = dialog.getByRole("textbox", { name: "Name" });
  await expect(nameBox).not.toHaveValue("");
  const name = await nameBox.inputValue();
  await dialog.getByRole("button", { name: "Create version" }).click();
  await expect(dialog).toBeHidden();
  await expect(workspace.versionRow(workspace.versionHistory, name)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(workspace.versionHistory).toBeHidden();
  const version = await versionNamed(page.request, name);
  const line = `Checked under the policy ${Date.now()}`;
  await workspace.typeAtStart(`${line}\n`);
  await workspace.expectSaved();

  await visit(page, `${PROJECT}/versions/${version.id}`);
  await expect(page.getByRole("button", { name: "Back to latest draft" })).toBeVisible();
  await expect(workspace.editorLines).toBeVisible();

  await visit(page, `${PROJECT}/compare?from=${version.id}&to=draft`);
  await expect(page.getByRole("heading", { name: "Compare", level: 1 })).toBeVisible();
  await expect(new ComparePage(page).modifiedSide).toContainText(line);
});

underPolicy("the Environments page and the not-found pages work under the policy", async ({ workspace, page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(NOT_FOUND_LOG);
  await visit(page, `${PROJECT}/environments`);
  await expect(page.getByRole("heading", { name: "Environments", level: 1 })).toBeVisible();
  const picker = await new EnvironmentsPage(page).openVersionPicker("staging");
  await page.keyboard.press("Escape");
  await expect(picker).toBeHidden();

  // The not-found page used to be prerendered at build, without a nonce for its scripts.
  const missing = await visit(page, "/no/such/page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const unknownProject = await visit(page, "/projects/nope");
  expect(unknownProject?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Project not found" })).toBeVisible();
  // Its link still works: client-side navigation loads the projects page, then a project's scripts, under the policy.
  await page.getByRole("link", { name: "All projects" }).click();
  await page.getByRole("list", { name: "Your projects" }).getByRole("link", { name: /^Order sync/ }).click();
  await expect(workspace.editorLines).toBeVisible();
});

test("each page response gets a nonce of its own", async ({ request }) => {
  const nonce = async () => (await request.get(PROJECT)).headers()["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1];
  const [first, second] = [await nonce(), await nonce()];
  expect(first).toBeDefined();
  expect(second).toBeDefined();
  expect(first).not.toBe(second);
});

test("pages and API routes are served with the security headers and without X-Powered-By", async ({ request }) => {
  for (const path of [`${PROJECT}/environments`, `${API}/environments`, "/api/health"]) {
    const response = await request.get(path);
    expect(response.ok(), path).toBe(true);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["x-powered-by"], path).toBeUndefined();
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
  expectStrictPolicy(await request.get(`${PROJECT}/environments`));
});

test("another site cannot show the Environments page in a frame", async ({ page, baseURL }) => {
  const target = `${baseURL}${PROJECT}/environments`;
  // A real server on this machine (a page faked by page.route counts as a public site, which the
  // browser keeps from framing local addresses anyway), on another origin than the app's.
  const elsewhere = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(`<!doctype html><title>Elsewhere</title><iframe title="Framed" src="${target}" onload="document.title = 'Frame done'"></iframe>`);
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://localhost:${(elsewhere.address() as AddressInfo).port}/`);
    // The frame's load event fires whether the browser showed the page or its own refusal, and
    // the page's heading and buttons are in its server-rendered HTML: had it loaded, they would be there now.
    await expect(page).toHaveTitle("Frame done");
    const frame = page.getByTitle("Framed").contentFrame();
    await expect(frame.getByRole("heading", { name: "Environments" })).toHaveCount(0);
    await expect(frame.getByRole("button")).toHaveCount(0);
  } finally {
    await new Promise((resolve) => elsewhere.close(resolve));
  }
});
