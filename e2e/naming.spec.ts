import { versionNames } from "./api";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";

// Every spec shares one server and database, so versions made by other specs may exist:
// expectations are worked out from the names that are there.

function highestMajor(names: string[]): number | null {
  const majors = names.flatMap((name) => /^v?(\d+)\.\d+\.\d+/.exec(name.trim())?.[1] ?? []).map(Number);
  return majors.length > 0 ? Math.max(...majors) : null;
}

test("with semantic versions, Create version offers the next minor version and creates it", async ({ workspace, page }) => {
  await workspace.open();
  const major = highestMajor(await versionNames(page.request));

  // A release above every existing version, so the next minor is known.
  const release = major === null ? "1.0.0" : `${major + 1}.0.0`;
  let dialog = await workspace.openCreateVersionDialog();
  const name = dialog.getByRole("textbox", { name: "Name" });
  if (major === null) await expect(name).toHaveValue("1.0.0");
  else await name.fill(release);
  await dialog.getByRole("button", { name: "Create version" }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press("Escape");

  const nextMinor = release.replace(/^(\d+)\.0\.0$/, "$1.1.0");
  dialog = await workspace.openCreateVersionDialog();
  await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveValue(nextMinor);
  const useNextMinor = dialog.getByRole("button", { name: `Use ${nextMinor}` });
  await expect(useNextMinor).toBeVisible();

  // The field stays editable, and one click brings the suggestion back.
  await dialog.getByRole("textbox", { name: "Name" }).fill("something else");
  await useNextMinor.click();
  await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveValue(nextMinor);
  await dialog.getByRole("textbox", { name: "Description" }).fill("Named by the suggestion");
  await dialog.getByRole("button", { name: "Create version" }).click();
  await expect(dialog).toBeHidden();

  await expect(workspace.versionList(workspace.versionHistory).getByRole("listitem").first()).toContainText(nextMinor);
});

test("a name against the convention gets a warning and can still be created", async ({ workspace }) => {
  await workspace.open();
  const dialog = await workspace.openCreateVersionDialog();
  const name = dialog.getByRole("textbox", { name: "Name" });
  const typed = `not semver ${Date.now()}`;
  await name.fill(typed);
  await expect(dialog.getByRole("status").filter({ hasText: "Doesn’t follow the naming convention" })).toContainText(
    "Semantic versions look like 1.2.0",
  );
  await expect(name).not.toHaveAttribute("aria-invalid", "true");

  await dialog.getByRole("button", { name: "Create version" }).click();
  await expect(dialog).toBeHidden();
  await expect(workspace.versionList(workspace.versionHistory).getByRole("listitem").first()).toContainText(typed);
});

test("with the date convention, Create version suggests today's date", async ({ workspace, page }) => {
  await workspace.open();
  try {
    await page.getByRole("button", { name: "Project settings" }).click();
    const settings = page.getByRole("dialog", { name: "Project settings" });
    await expect(settings.getByRole("radiogroup", { name: "Naming convention" })).toBeVisible();
    await expect(settings.getByRole("radio", { name: "Semantic versions" })).toBeChecked();
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press("Escape");

    await workspace.setNamingConvention("Dates");
    const today = await page.evaluate(() => {
      const now = new Date();
      const pad = (value: number) => String(value).padStart(2, "0");
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    });
    const dialog = await workspace.openCreateVersionDialog();
    const name = dialog.getByRole("textbox", { name: "Name" });
    // Another version may already carry today's date; then the next one is today.1, today.2…
    await expect(name).toHaveValue(new RegExp(`^${today}(\\.\\d+)?$`));
    await expect(dialog.getByRole("button", { name: `Use ${await name.inputValue()}` })).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
  } finally {
    await workspace.open();
    await workspace.setNamingConvention("Semantic versions");
  }
});
