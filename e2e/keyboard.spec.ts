import { expect, test } from "./fixtures";

test("the Version History popover and the Create version dialog work from the keyboard alone", async ({ workspace, page }) => {
  await workspace.open("README.md");
  await workspace.versionHistoryButton.focus();
  await page.keyboard.press("Enter");
  const popover = page.getByRole("dialog", { name: /Version History/i });
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
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("textbox", { name: "Description" })).toBeFocused();
  await page.keyboard.type("Created without a mouse");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();

  const firstRow = workspace.versionList(popover).getByRole("listitem").first();
  await expect(firstRow).toContainText(name);
  await expect(firstRow).toContainText("Created without a mouse");

  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(workspace.versionHistoryButton).toBeFocused();
});
