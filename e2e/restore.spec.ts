import { draftFile } from "./api";
import { expect, test } from "./fixtures";
import { SAMPLE_PROJECT } from "./pages/workspace";

test("a version is viewed read-only, and restoring it keeps the replaced draft as a backup to switch back to", async ({
  workspace,
  page,
}) => {
  const stamp = Date.now();
  const versionA = `restore-a-${stamp}`;
  const versionB = `restore-b-${stamp}`;
  const lineA = `Line of version A ${stamp}`;
  const lineB = `Line of version B ${stamp}`;
  const unversioned = `Line no version captures ${stamp}`;

  await workspace.open("README.md");
  await workspace.typeAtStart(`${lineA}\n`);
  await workspace.expectSaved();
  await workspace.createVersion(versionA, "Version A of the restore check");
  await page.keyboard.press("Escape");
  await expect(workspace.draftStatus).toHaveText(`Draft · no changes since ${versionA}`);

  await workspace.typeAtStart(`${lineB}\n`);
  await workspace.expectSaved();
  await workspace.createVersion(versionB, "Version B of the restore check");
  await page.keyboard.press("Escape");

  await workspace.typeAtStart(`${unversioned}\n`);
  await workspace.expectSaved();
  await expect(workspace.draftStatus).toHaveText(`Draft · 1 file changed since ${versionB}`);
  const draftBefore = (await draftFile(page.request, "README.md")).content;

  // View A: its own text, and no way to type into it.
  await workspace.viewVersion(versionA);
  await expect(page.getByRole("region", { name: `Viewing version ${versionA}`, exact: false })).toBeVisible();
  await expect(workspace.editorLines).toContainText(lineA);
  await expect(workspace.editorLines).not.toContainText(lineB);
  await workspace.typeAtStart("typed into a version ");
  // Monaco shows the message over the text (and announces it to screen readers as well).
  await expect(page.getByRole("code").getByText(`Version ${versionA} never changes. To edit from it, use Restore as draft.`)).toBeVisible();
  await expect(workspace.editorLines).not.toContainText("typed into a version");
  expect((await draftFile(page.request, "README.md")).content).toBe(draftBefore);

  await page.getByRole("button", { name: "Back to latest draft" }).click();
  await page.waitForURL(new RegExp(`/projects/${SAMPLE_PROJECT}\\?file=README\\.md$`));
  await expect(workspace.editorLines).toContainText(unversioned);
  await page.goBack();
  await expect(workspace.editorLines).toContainText(lineA);

  // Restore A from its page while the draft holds work no version captures.
  await page.getByRole("button", { name: "Restore as draft" }).click();
  const restoreA = await workspace.restoreDialog(versionA);
  await expect(restoreA.getByRole("group", { name: "Files that change" })).toContainText("README.md");
  await expect(restoreA.getByText("Your draft has changes that no version captures.")).toBeVisible();
  await expect(restoreA.getByRole("checkbox", { name: "Save the current draft as a backup version first" })).toBeChecked();
  await restoreA.getByRole("button", { name: "Restore as draft" }).click();

  const backup = `Draft before restoring ${versionA}`;
  await page.waitForURL(new RegExp(`/projects/${SAMPLE_PROJECT}$`));
  await expect(page.getByText(`Restored ${versionA} as the draft. Your previous draft was saved as version “${backup}”.`)).toBeVisible();
  await expect(workspace.draftStatus).toHaveText(`Draft · no changes since ${versionA}`);
  await expect(workspace.editorLines).toContainText(lineA);
  await expect(workspace.editorLines).not.toContainText(lineB);
  await expect(workspace.editorLines).not.toContainText(unversioned);
  expect((await draftFile(page.request, "README.md")).content).not.toContain(unversioned);

  const popover = await workspace.openVersionHistory();
  await expect(workspace.versionRow(popover, backup)).toContainText("backup");
  await expect(workspace.versionRow(popover, versionA)).toContainText("Draft base");
  await page.keyboard.press("Escape");

  // Restoring the backup brings back the draft as it was; the draft equals A, so no second backup.
  const restoreBackup = await workspace.openRestoreDialog(backup);
  await expect(restoreBackup.getByText("Your draft has changes that no version captures.")).toBeHidden();
  await restoreBackup.getByRole("button", { name: "Restore as draft" }).click();
  await expect(restoreBackup).toBeHidden();
  await expect(page.getByText(`Restored ${backup} as the draft.`, { exact: true })).toBeVisible();
  await expect(workspace.draftStatus).toHaveText(`Draft · no changes since ${backup}`);
  await expect(workspace.editorLines).toContainText(unversioned);
  expect((await draftFile(page.request, "README.md")).content).toBe(draftBefore);
});
