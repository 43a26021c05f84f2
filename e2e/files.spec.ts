import { expect, test } from "./fixtures";

test("files are created, renamed and deleted from the tree; bad paths are refused", async ({ workspace, page }) => {
  await workspace.open("README.md");
  const stamp = Date.now();
  const tree = page.getByRole("tree", { name: "Files" });

  await page.getByRole("button", { name: "New file" }).click();
  const newFile = page.getByRole("dialog", { name: "New file" });
  const pathField = newFile.getByRole("textbox", { name: "File path" });
  await pathField.fill("../evil.ts");
  await newFile.getByRole("button", { name: "Create file" }).click();
  await expect(newFile.getByRole("alert")).toContainText('".."');
  await expect(tree.getByRole("treeitem", { name: "evil.ts" })).toHaveCount(0);

  await pathField.fill(`checks/created-${stamp}.ts`);
  await newFile.getByRole("button", { name: "Create file" }).click();
  await expect(newFile).toBeHidden();
  const created = tree.getByRole("treeitem", { name: `created-${stamp}.ts` });
  await expect(created).toBeVisible();
  await workspace.typeAtStart(`export const created = ${stamp};`);
  await workspace.expectSaved();

  await created.click();
  await page.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: `Rename created-${stamp}.ts` });
  await rename.getByRole("textbox", { name: "New path" }).fill(`checks/renamed-${stamp}.ts`);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename).toBeHidden();
  const renamed = tree.getByRole("treeitem", { name: `renamed-${stamp}.ts` });
  await expect(renamed).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: `created-${stamp}.ts` })).toHaveCount(0);

  await page.reload();
  await renamed.click();
  await expect(workspace.editorLines).toContainText(`export const created = ${stamp};`);

  await page.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: `Delete checks/renamed-${stamp}.ts?` });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  await expect(tree.getByRole("treeitem", { name: `renamed-${stamp}.ts` })).toHaveCount(0);
  await page.reload();
  await expect(tree.getByRole("treeitem", { name: "README.md" })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: `renamed-${stamp}.ts` })).toHaveCount(0);
});
