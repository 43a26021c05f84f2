import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

test("the workspace, the Version History popover and the Create version dialog pass axe", async ({ workspace, page }) => {
  await workspace.open("workflows/order-sync.ts");
  expect(await seriousViolations(page)).toEqual([]);

  const popover = await workspace.openVersionHistory();
  expect(await seriousViolations(page)).toEqual([]);

  await popover.getByRole("button", { name: "Create version" }).click();
  await expect(page.getByRole("dialog", { name: "Create version" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
