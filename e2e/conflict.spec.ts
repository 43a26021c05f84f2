import { expect, test } from "./fixtures";
import { WorkspacePage } from "./pages/workspace";

test("a stale save is refused as a conflict and the user chooses which text wins", async ({ workspace, page, browser }) => {
  await workspace.open("integration.yaml");
  const otherContext = await browser.newContext();
  const other = new WorkspacePage(await otherContext.newPage());
  await other.open("integration.yaml");

  const theirs = `# their change ${Date.now()}`;
  await other.typeAtStart(`${theirs}\n`);
  await other.expectSaved();

  const mine = `# my change ${Date.now()}`;
  await workspace.typeAtStart(`${mine}\n`);
  await expect(page.getByRole("banner").getByText("Conflict", { exact: true })).toBeVisible();
  const conflict = page.getByRole("region", { name: "Conflict in integration.yaml" });
  await expect(conflict).toBeVisible();

  await conflict.getByRole("button", { name: "Keep my version" }).click();
  await workspace.expectSaved();

  await other.page.reload();
  await expect(other.editorLines).toContainText(mine);
  await expect(other.editorLines).not.toContainText(theirs);
  await otherContext.close();
});

test("Use their version discards the local text", async ({ workspace, page, browser }) => {
  await workspace.open("mappings/order-to-erp.json");
  const otherContext = await browser.newContext();
  const other = new WorkspacePage(await otherContext.newPage());
  await other.open("mappings/order-to-erp.json");

  const theirs = `"their-${Date.now()}",`;
  await other.typeAtStart(theirs);
  await other.expectSaved();

  const mine = `"mine-${Date.now()}",`;
  await workspace.typeAtStart(mine);
  const conflict = page.getByRole("region", { name: "Conflict in mappings/order-to-erp.json" });
  await conflict.getByRole("button", { name: "Use their version" }).click();
  await expect(conflict).toBeHidden();
  await expect(workspace.editorLines).toContainText(theirs);
  await expect(workspace.editorLines).not.toContainText(mine);
  await otherContext.close();
});
