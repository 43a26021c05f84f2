import { expect, test } from "./fixtures";

test("the Version History popover and the Create version dialog work from the keyboard alone", async ({ workspace, page }) => {
  await workspace.open("README.md");
  await workspace.versionHistoryButton.focus();
  await page.keyboard.press("Enter");
  const popover = workspace.versionHistory;
  const search = popover.getByRole("searchbox", { name: "Search versions" });
  await expect(search).toBeFocused();

  await page.keyboard.press("Shift+Tab");
  await expect(popover.getByRole("button", { name: "Create version" })).toBeFocused();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: "Create version" });
  const nameField = dialog.getByRole("textbox", { name: "Name" });
  await expect(nameField).toBeFocused();
  const name = `keyboard-${Date.now()}`;
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(name);
  // Suggestion buttons sit between the two fields: Tab on until the description has focus.
  const description = dialog.getByRole("textbox", { name: "Description" });
  for (let step = 0; step < 8 && !(await description.evaluate((field) => field === document.activeElement)); step++) {
    await page.keyboard.press("Tab");
  }
  await expect(description).toBeFocused();
  await page.keyboard.type("Created without a mouse");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(dialog).toBeHidden();

  const firstRow = workspace.versionList(popover).getByRole("listitem").first();
  await expect(firstRow).toContainText(name);
  await expect(firstRow).toContainText("Created without a mouse");

  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(workspace.versionHistoryButton).toBeFocused();
});
