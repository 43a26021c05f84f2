import { expect, test } from "./fixtures";
import { WorkspacePage } from "./pages/workspace";

test("a change saved in another tab shows up without typing, and the header count follows", async ({ workspace, page, browser }) => {
  await workspace.open("README.md");
  const base = `live-${Date.now()}`;
  await workspace.createVersion(base, "Starting point for live updates");
  await page.keyboard.press("Escape");
  await expect(workspace.draftStatus).toHaveText(`Draft · no changes since ${base}`);

  const otherContext = await browser.newContext();
  const other = new WorkspacePage(await otherContext.newPage());
  await other.open("README.md");
  await expect(other.draftStatus).toHaveText(`Draft · no changes since ${base}`);

  const change = `Changed in another tab ${Date.now()}`;
  await other.typeAtStart(`${change}\n`);
  await other.expectSaved();

  await expect(workspace.editorLines).toContainText(change);
  await expect(workspace.draftStatus).toHaveText(`Draft · 1 file changed since ${base}`);
  await workspace.expectSaved();

  // A version created elsewhere moves the header on too.
  const next = `${base}-next`;
  await other.createVersion(next, "Captures the change from the other tab");
  await expect(workspace.draftStatus).toHaveText(`Draft · no changes since ${next}`);
  await otherContext.close();
});
