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

test("the Name field waits for its prefill: read-only while the names load, so a suggestion never lands in what someone types", async ({ workspace, page }) => {
  await workspace.open();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/versions\/names$/, async (route) => {
    await held;
    await route.continue();
  });
  const popover = await workspace.openVersionHistory();
  await popover.getByRole("button", { name: "Create version" }).click();
  const name = page.getByRole("dialog", { name: "Create version" }).getByRole("textbox", { name: "Name" });
  await expect(name).toBeVisible();
  await expect(name).not.toBeEditable();
  await expect(name).toHaveAttribute("aria-busy", "true");
  release();
  await expect(name).toBeEditable();
  await name.fill("typed-after-the-prefill");
  await expect(name).toHaveValue("typed-after-the-prefill");
  await page.unroute(/\/versions\/names$/);
  await page.keyboard.press("Escape");
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

test("under every convention, the prefilled name follows it; free-form never builds on a backup's name", async ({ workspace, page }) => {
  await workspace.open();
  try {
    // A backup as the newest version: restoring while the draft holds unversioned work.
    const build = `build ${Date.now()}`;
    await workspace.createVersion(build, "Counted up by free-form suggestions");
    await page.keyboard.press("Escape");
    await workspace.typeAtStart(`Unversioned ${Date.now()}\n`);
    await workspace.expectSaved();
    const restore = await workspace.openRestoreDialog(build);
    await expect(restore.getByRole("checkbox", { name: "Save the current draft as a backup version first" })).toBeChecked();
    await restore.getByRole("button", { name: "Restore as draft" }).click();
    await expect(page.getByText(`Your previous draft was saved as version “Draft before restoring ${build}”.`)).toBeVisible();

    await workspace.setNamingConvention("Free-form");
    let dialog = await workspace.openCreateVersionDialog();
    await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveValue(build.replace(/\d+$/, (n) => String(Number(n) + 1)));
    await dialog.getByRole("button", { name: "Cancel" }).click();

    for (const convention of ["Semantic versions", "Dates", "Feature names", "Version and feature"]) {
      await page.keyboard.press("Escape");
      await workspace.setNamingConvention(convention);
      dialog = await workspace.openCreateVersionDialog();
      const name = dialog.getByRole("textbox", { name: "Name" });
      await expect(name, convention).toHaveValue(/\S/);
      await expect(dialog.getByRole("button", { name: `Use ${await name.inputValue()}` }), convention).toBeVisible();
      await expect(dialog.getByText("Doesn’t follow the naming convention"), convention).toHaveCount(0);
      await expect(name, convention).not.toHaveAttribute("aria-invalid", "true");
      await dialog.getByRole("button", { name: "Cancel" }).click();
    }
  } finally {
    await workspace.open();
    await workspace.setNamingConvention("Semantic versions");
  }
});

test("typing a name another version holds says so before submitting, as the server would", async ({ workspace, page }) => {
  await workspace.open();
  const taken = `Taken ${Date.now()}`;
  await workspace.createVersion(taken, "Holds a name");
  await page.keyboard.press("Escape");

  const dialog = await workspace.openCreateVersionDialog();
  const name = dialog.getByRole("textbox", { name: "Name" });
  await name.fill(taken.toUpperCase());
  const refusal = `A version named ${taken} already exists. Choose another name.`;
  await expect(dialog.getByRole("alert")).toHaveText(refusal);
  await expect(name).toHaveAttribute("aria-invalid", "true");
  // The refusal replaces the convention's warning rather than contradicting it.
  await expect(dialog.getByText("Doesn’t follow the naming convention")).toHaveCount(0);

  await name.fill(`${taken} again`);
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await expect(dialog.getByText("Doesn’t follow the naming convention")).toBeVisible();

  // Submitting the taken name gets the same words from the server.
  await name.fill(taken);
  await expect(dialog.getByRole("alert")).toHaveText(refusal);
  await dialog.getByRole("button", { name: "Create version" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(refusal);
  await expect(dialog).toBeVisible();
});

test("creating a version right after another says there are no changes since it, and fits a phone", async ({ workspace, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await workspace.open();
  await workspace.typeAtStart(`Changed ${Date.now()}\n`);
  await workspace.expectSaved();

  let dialog = await workspace.openCreateVersionDialog();
  await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveValue(/\S/);
  await expect(dialog.getByText(/^No changes since/)).toHaveCount(0);
  const first = `Phone ${Date.now()}`;
  await dialog.getByRole("textbox", { name: "Name" }).fill(first);
  await dialog.getByRole("button", { name: "Create version" }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press("Escape");

  dialog = await workspace.openCreateVersionDialog();
  await expect(dialog.getByRole("status").filter({ hasText: "No changes since" })).toHaveText(
    `No changes since ${first}: the new version would hold the same files. You can still create it.`,
  );
  // With the hint, a duplicate refusal and the suggestions showing, the dialog still fits the screen.
  await dialog.getByRole("textbox", { name: "Name" }).fill(first);
  await expect(dialog.getByRole("alert")).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  // Nothing inside it is wider than the dialog (the workspace behind it may scroll sideways).
  expect(await dialog.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  await expect(dialog.getByRole("button", { name: "Create version" })).toBeInViewport();

  // Creating it stays allowed.
  await dialog.getByRole("textbox", { name: "Name" }).fill(`${first} again`);
  await dialog.getByRole("button", { name: "Create version" }).click();
  await expect(dialog).toBeHidden();
});
