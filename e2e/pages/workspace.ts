import { expect, type Locator, type Page } from "@playwright/test";

export const SAMPLE_PROJECT = "order-sync";

/** The project workspace as a person uses it: file tree, editor, header, Version History. */
export class WorkspacePage {
  readonly editorLines: Locator;
  readonly versionHistoryButton: Locator;
  /** The Version History popover. */
  readonly versionHistory: Locator;

  constructor(
    readonly page: Page,
    readonly slug: string = SAMPLE_PROJECT,
  ) {
    this.editorLines = page.locator(".monaco-editor .view-lines").first();
    this.versionHistoryButton = page.getByRole("button", { name: "Version History" });
    this.versionHistory = page.getByRole("dialog", { name: /Version History/i });
  }

  async open(file = "README.md") {
    await this.page.goto(`/projects/${this.slug}?file=${encodeURIComponent(file)}`);
    await expect(this.editorLines).toBeVisible();
  }

  /**
   * Monaco starts its worker a moment after the editor opens, loading its scripts then: a test
   * about to cut the network off waits until the worker has started and loaded them.
   */
  async waitForEditorWorker() {
    await expect.poll(() => this.page.workers().length).toBeGreaterThan(0);
    await Promise.all(this.page.workers().map((worker) => worker.evaluate(() => true)));
  }

  /**
   * Puts the caret in the editor by clicking the top of its text, where a person would. The target
   * is the editor's visible box, not its lines element: that one is as tall as the whole file, and
   * when a click is retried Playwright scrolls its target into view aligned to the end or centre,
   * which scrolls Monaco to the end of a long file and leaves the lines' top off the page.
   */
  async focusEditor() {
    const editor = this.page.locator(".monaco-editor").first();
    const gutter = await editor.locator(".margin").boundingBox();
    await editor.locator(".overflow-guard").click({ position: { x: (gutter?.width ?? 0) + 8, y: 8 } });
  }

  /** Types at the very top of the file, so the text is on screen without scrolling. */
  async typeAtStart(text: string) {
    await this.focusEditor();
    await this.page.keyboard.press("ControlOrMeta+Home");
    await this.page.keyboard.insertText(text);
  }

  async editorText(): Promise<string> {
    return (await this.editorLines.innerText()).replace(/\u00a0/g, " ");
  }

  async expectSaved() {
    await expect(this.page.getByRole("banner").getByText("Saved", { exact: true })).toBeVisible();
  }

  async openVersionHistory(): Promise<Locator> {
    await this.versionHistoryButton.click();
    await expect(this.versionHistory.getByRole("searchbox", { name: "Search versions" })).toBeVisible();
    return this.versionHistory;
  }

  versionList(popover: Locator): Locator {
    return popover.getByRole("list", { name: /versions/i });
  }

  /** Creates a version through the popover's `+`; returns the popover, still open. */
  async createVersion(name: string, description: string): Promise<Locator> {
    const dialog = await this.openCreateVersionDialog();
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await dialog.getByRole("textbox", { name: "Description" }).fill(description);
    await dialog.getByRole("button", { name: "Create version" }).click();
    await expect(dialog).toBeHidden();
    return this.versionHistory;
  }

  /** Opens Version History, then the Create version dialog from its `+`. */
  async openCreateVersionDialog(): Promise<Locator> {
    const popover = await this.openVersionHistory();
    await popover.getByRole("button", { name: "Create version" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Create version" });
    await expect(dialog.getByRole("textbox", { name: "Name" })).toBeVisible();
    return dialog;
  }

  /** Chooses a naming convention by its label ("Semantic versions", "Dates"…) in Project settings and saves. */
  async setNamingConvention(label: string) {
    await this.page.getByRole("button", { name: "Project settings" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Project settings" });
    await dialog.getByRole("radio", { name: label }).check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
  }

  /** The header's "Draft · 3 files changed since 1.1.0". */
  get draftStatus(): Locator {
    return this.page.getByRole("banner").getByText(/^Draft · /);
  }

  /** A row of the Version History list, found by the version's exact name. */
  versionRow(popover: Locator, name: string): Locator {
    return this.versionList(popover).getByRole("listitem", { name, exact: true });
  }

  /** Opens a version read-only from its row's View action. */
  async viewVersion(name: string) {
    const popover = await this.openVersionHistory();
    await this.versionRow(popover, name).getByRole("button", { name: "View", exact: true }).click();
    await this.page.waitForURL(/\/versions\//);
    await expect(this.page.getByRole("button", { name: "Back to latest draft" })).toBeVisible();
    await expect(this.editorLines).toBeVisible();
  }

  /** Opens the "Restore <name> as draft" dialog from the version's row, once it knows what changes. */
  async openRestoreDialog(name: string): Promise<Locator> {
    const popover = await this.openVersionHistory();
    await this.versionRow(popover, name).getByRole("button", { name: "Restore as draft", exact: true }).click();
    return this.restoreDialog(name);
  }

  async restoreDialog(name: string): Promise<Locator> {
    const dialog = this.page.getByRole("dialog", { name: `Restore ${name} as draft` });
    await expect(dialog.getByText(/in the draft|No file changes/).first()).toBeVisible();
    return dialog;
  }
}
