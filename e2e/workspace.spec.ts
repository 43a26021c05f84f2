import { versionFileContent, versionNamed } from "./api";
import { expect, test } from "./fixtures";

test("typing autosaves into the draft and survives a reload", async ({ workspace, page }) => {
  await workspace.open("README.md");
  const marker = `Autosave check ${Date.now()}`;
  await workspace.typeAtStart(`${marker}\n`);
  await workspace.expectSaved();

  await page.reload();
  await expect(workspace.editorLines).toContainText(marker);
});

test("a version keeps the content it was created with while the draft moves on", async ({ workspace, page }) => {
  await workspace.open("README.md");
  const captured = `Captured line ${Date.now()}`;
  await workspace.typeAtStart(`${captured}\n`);
  await workspace.expectSaved();

  const name = `e2e-${Date.now()}`;
  const popover = await workspace.createVersion(name, "Added the captured line for the e2e check");
  const firstRow = workspace.versionList(popover).getByRole("listitem").first();
  await expect(firstRow).toContainText(name);
  await expect(firstRow).toContainText("Added the captured line for the e2e check");
  await page.keyboard.press("Escape");

  const draftOnly = `Draft-only line ${Date.now()}`;
  await workspace.typeAtStart(`${draftOnly}\n`);
  await workspace.expectSaved();

  const version = await versionNamed(page.request, name);
  const content = await versionFileContent(page.request, version.id, "README.md");
  expect(content).toContain(captured);
  expect(content).not.toContain(draftOnly);
});

test("offline edits are kept in the browser and saved when the connection returns", async ({ workspace, page, context }) => {
  await workspace.open("README.md");
  // Let Monaco fetch its workers first: a worker chunk cut off mid-load is not what this tests.
  await workspace.waitForEditorWorker();
  await context.setOffline(true);
  const marker = `// written offline ${Date.now()}`;
  await workspace.typeAtStart(`${marker}\n`);
  await expect(page.getByRole("banner").getByText("Offline — changes kept locally")).toBeVisible();

  await context.setOffline(false);
  await workspace.expectSaved();
  await page.reload();
  await expect(workspace.editorLines).toContainText(marker);
});
