import { expect, test } from "./fixtures";
import { ComparePage } from "./pages/compare";

test("Version History searches names and descriptions, badges the newest version Latest and moves by arrow keys", async ({ workspace, page }) => {
  const stamp = Date.now();
  const older = `history-a-${stamp}`;
  const newer = `history-b-${stamp}`;
  await workspace.open("README.md");
  await workspace.createVersion(older, `Mapped warehouse codes ${stamp}`);
  await page.keyboard.press("Escape");
  const popover = await workspace.createVersion(newer, `Retry ERP writes ${stamp}`);
  const latestBadge = (name: string) => workspace.versionRow(popover, name).getByText("Latest", { exact: true });
  await expect(latestBadge(newer)).toBeVisible();
  await expect(latestBadge(older)).toHaveCount(0);

  const search = popover.getByRole("searchbox", { name: "Search versions" });
  const rows = workspace.versionList(popover).getByRole("listitem");
  await search.fill(older);
  await expect(rows).toHaveCount(1);
  await expect(workspace.versionRow(popover, older)).toBeVisible();
  await expect(latestBadge(older)).toHaveCount(0);

  // A description matches too, and `Latest` still marks the newest version of the project.
  await search.fill(`retry erp writes ${stamp}`);
  await expect(rows).toHaveCount(1);
  await expect(workspace.versionRow(popover, newer)).toBeVisible();
  await expect(latestBadge(newer)).toBeVisible();

  // Back to the full list: Arrow Down goes from the search box into the rows, newest first.
  await search.fill("");
  const all = popover.getByRole("list", { name: "Versions", exact: true });
  await expect(all.getByRole("listitem", { name: older, exact: true })).toBeVisible();
  await search.focus();
  await page.keyboard.press("ArrowDown");
  await expect(workspace.versionRow(popover, newer)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(workspace.versionRow(popover, older)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(search).toBeFocused();
});

test("Compare from a version's row and from the viewed version's banner opens it against the draft", async ({ workspace, page }) => {
  const name = `history-compare-${Date.now()}`;
  const compare = new ComparePage(page);
  const compareHeading = page.getByRole("heading", { name: "Compare", level: 1 });
  await workspace.open("README.md");
  const popover = await workspace.createVersion(name, "");

  await workspace.versionRow(popover, name).getByRole("button", { name: "Compare", exact: true }).click();
  await expect(compareHeading).toBeVisible();
  await expect(compare.from).toHaveValue(new RegExp(`^${name} #\\d+$`));
  await expect(compare.to).toHaveValue("Latest draft");

  await workspace.open("README.md");
  await workspace.viewVersion(name);
  await page.getByRole("button", { name: "Compare with draft" }).click();
  await expect(compareHeading).toBeVisible();
  await expect(compare.from).toHaveValue(new RegExp(`^${name} #\\d+$`));
  await expect(compare.to).toHaveValue("Latest draft");
});
