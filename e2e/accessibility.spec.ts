import type { WorkspacePage } from "./pages/workspace";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";

// Monaco dims the number of the empty line after a final newline only on Linux, where people see it.
test.use({ userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36" });

test("the workspace, the Version History popover and the Create version dialog pass axe", async ({ workspace, page }) => {
  await workspace.open("workflows/order-sync.ts");
  expect(await seriousViolations(page)).toEqual([]);

  // The end of a file shows lines the editor draws differently (the final line's dimmed number).
  await scrollEditorToEnd(workspace);
  expect(await seriousViolations(page)).toEqual([]);

  const popover = await workspace.openVersionHistory();
  expect(await seriousViolations(page)).toEqual([]);

  await popover.getByRole("button", { name: "Create version" }).click();
  await expect(page.getByRole("dialog", { name: "Create version" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a version viewed read-only passes axe, also scrolled to the end of a file", async ({ workspace, page }) => {
  const name = `axe-view-${Date.now()}`;
  await workspace.open("workflows/order-sync.ts");
  await workspace.createVersion(name, "Checked by axe");
  await page.keyboard.press("Escape");
  await workspace.viewVersion(name);
  expect(await seriousViolations(page)).toEqual([]);

  await scrollEditorToEnd(workspace);
  expect(await seriousViolations(page)).toEqual([]);
});

/**
 * Moves the caret to the file's end, which scrolls the editor to its last lines, then one line up
 * off the last. The mouse stays on the editor's top line, so the sticky line there is hovered.
 */
async function scrollEditorToEnd(workspace: WorkspacePage) {
  const { page } = workspace;
  await workspace.focusEditor();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("ArrowUp");
  // Monaco's own class is the one way to tell that the dimmed final line number is on screen.
  await expect(page.locator(".monaco-editor .dimmed-line-number").first()).toBeVisible();
}
