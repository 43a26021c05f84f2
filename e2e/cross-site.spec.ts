import { expect, test, type APIRequestContext } from "@playwright/test";
import { API, draftFile, versionNames } from "./api";
import { interceptAction, replay } from "./server-actions";
import { WorkspacePage } from "./pages/workspace";

const FOREIGN_ORIGIN = "http://evil.example";
const README = `${API}/files/content?path=README.md`;
const readme = (request: APIRequestContext) => draftFile(request, "README.md");

test.describe("the autosave route refuses cross-site writes", () => {
  test("a JSON save from a foreign Origin is refused with 403 and leaves README.md as it was", async ({ request }) => {
    const before = await readme(request);
    const response = await request.put(README, {
      headers: { origin: FOREIGN_ORIGIN, "content-type": "application/json" },
      data: JSON.stringify({ content: "defaced from another site", baseRevision: before.revision }),
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: "Cross-site requests are not allowed." } });
    expect(await readme(request)).toEqual(before);
  });

  test("a form-style text/plain save is refused and leaves README.md as it was", async ({ request, baseURL }) => {
    const before = await readme(request);
    // What an HTML form with enctype="text/plain" can send without a preflight, from any
    // site (foreign Origin) or with the browser leaving the Origin out.
    for (const origin of [FOREIGN_ORIGIN, new URL(baseURL!).origin, undefined]) {
      const response = await request.put(README, {
        headers: { "content-type": "text/plain", ...(origin ? { origin } : {}) },
        data: JSON.stringify({ content: "defaced by a form", baseRevision: before.revision }),
      });
      expect(response.status(), `Origin ${origin ?? "absent"}`).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(["forbidden", "invalid"]).toContain(error.code);
    }
    expect(await readme(request)).toEqual(before);
  });

  test("the same save from the app's own origin is applied (the refusals above are not vacuous)", async ({ request, baseURL }) => {
    const before = await readme(request);
    const response = await request.put(README, {
      headers: { origin: new URL(baseURL!).origin, "content-type": "application/json" },
      // The same text, so other specs that read README.md are not disturbed.
      data: JSON.stringify({ content: before.content, baseRevision: before.revision }),
    });
    expect(response.status()).toBe(200);
    const after = await readme(request);
    expect(after.content).toBe(before.content);
    expect(after.revision).toBeGreaterThan(before.revision);
  });
});

test("a server action replayed from a foreign Origin is refused and changes nothing", async ({ page, baseURL }) => {
  const workspace = new WorkspacePage(page);
  const name = `cross-site-${Date.now()}`;

  // Catch the real "Create version" server action and keep it from reaching the server, so
  // only the replays below can create the version.
  const captured = await interceptAction(page, (body) => body.includes(name));

  await workspace.open("README.md");
  const dialog = await workspace.openCreateVersionDialog();
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("textbox", { name: "Description" }).fill("Replayed by the cross-site test");
  await dialog.getByRole("button", { name: "Create version" }).click();
  const action = await captured();

  const namesBefore = await versionNames(page.request);
  expect(namesBefore).not.toContain(name);

  const foreign = await replay(page.request, action, FOREIGN_ORIGIN);
  expect(foreign.ok(), `foreign replay answered ${foreign.status()}`).toBe(false);
  expect(await versionNames(page.request)).toEqual(namesBefore);

  // The control: the very same request from the app's own origin does create the version.
  const own = await replay(page.request, action, new URL(baseURL!).origin);
  expect(own.ok(), `same-origin replay answered ${own.status()}`).toBe(true);
  await expect.poll(() => versionNames(page.request)).toEqual([name, ...namesBefore]);
});
