import { draftFile, versionNamed } from "./api";
import { expect, test } from "./fixtures";
import { ComparePage } from "./pages/compare";
import { SAMPLE_PROJECT, type WorkspacePage } from "./pages/workspace";

/** Creates a version from the draft through the popover; returns it as the server lists it. */
async function createVersion(workspace: WorkspacePage, name: string) {
  await workspace.createVersion(name, "");
  await workspace.page.keyboard.press("Escape");
  return versionNamed(workspace.page.request, name);
}

test("comparing two versions lists the edited file as modified and shows the changed line", async ({ workspace, page }) => {
  const stamp = Date.now();
  await workspace.open("README.md");
  const before = await createVersion(workspace, `compare-a-${stamp}`);

  // Replace README's first line ("# Order sync" as seeded; other specs type above it).
  const replaced = (await draftFile(page.request, "README.md")).content.split("\n")[0]!;
  const title = `# Orders in step ${stamp}`;
  await workspace.focusEditor();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("Shift+End");
  await page.keyboard.insertText(title);
  await workspace.expectSaved();
  const after = await createVersion(workspace, `compare-b-${stamp}`);

  const compare = new ComparePage(page);
  await compare.open(before.id, "draft");
  await expect(compare.from).toHaveValue(`compare-a-${stamp} #${before.number}`);
  await expect(compare.to).toHaveValue("Latest draft");
  await compare.choose("To", `compare-b-${stamp}`, `compare-b-${stamp} #${after.number}`);

  await expect(page.getByText("1 modified", { exact: true })).toBeVisible();
  await expect(compare.group("Modified").getByRole("option")).toHaveCount(1);
  await expect(compare.group("Modified").getByRole("option", { name: "README.md" })).toHaveAttribute("aria-selected", "true");
  await expect(compare.group("Added")).toHaveCount(0);

  // Side by side: the old line on the left, the new one on the right.
  await expect(compare.inlineToggle).toHaveAttribute("aria-pressed", "false");
  await expect(compare.diff).toHaveClass(/side-by-side/);
  await expect(compare.modifiedSide).toContainText(title);
  await expect(compare.originalSide).toContainText(replaced);
  await expect(compare.originalSide).not.toContainText(title);

  // Inline: one column, the old line shown above the new one.
  await compare.inlineToggle.click();
  await expect(compare.inlineToggle).toHaveAttribute("aria-pressed", "true");
  await expect(compare.diff).not.toHaveClass(/side-by-side/);
  await expect(compare.modifiedSide).toContainText(title);
  await expect(compare.inlineRemovedLines).toContainText(replaced);

  // The unchanged files are one toggle away, and the list works from the keyboard.
  await page.getByRole("button", { name: /^Show \d+ unchanged files$/ }).click();
  await compare.file("README.md").focus();
  await page.keyboard.press("ArrowDown");
  await expect(compare.file("integration.yaml")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(compare.file("integration.yaml")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("No differences in this file.")).toBeVisible();
  await expect(page).toHaveURL(/file=integration\.yaml/);
});

test("the same version on both sides shows no differences; an unknown version an error with a way back", async ({ workspace, page }) => {
  await workspace.open("README.md");
  const { id } = await createVersion(workspace, `compare-same-${Date.now()}`);

  const compare = new ComparePage(page);
  await compare.open(id, id);
  await expect(page.getByRole("status").filter({ hasText: "No differences" })).toBeVisible();
  await expect(compare.files).toHaveCount(0);

  await compare.open("no-such-version", "draft");
  const alert = page.getByRole("alert").filter({ hasText: "This comparison cannot be shown" });
  await expect(alert).toContainText("does not exist in this project");
  await alert.getByRole("link", { name: "Return to the latest draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${SAMPLE_PROJECT}(\\?|$)`));
  await expect(workspace.editorLines).toBeVisible();
});
