import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";

test("the workspace, the Version History popover and the Create version dialog pass axe", async ({ workspace, page }) => {
  await workspace.open("workflows/order-sync.ts");
  expect(await seriousViolations(page)).toEqual([]);

  const popover = await workspace.openVersionHistory();
  expect(await seriousViolations(page)).toEqual([]);

  await popover.getByRole("button", { name: "Create version" }).click();
  await expect(page.getByRole("dialog", { name: "Create version" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
