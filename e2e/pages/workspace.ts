import { expect, type Locator, type Page } from "@playwright/test";

export const SAMPLE_PROJECT = "order-sync";

/** The project workspace as a person uses it: file tree, editor, header, Version History. */
export class WorkspacePage {
  readonly editorLines: Locator;
  readonly versionHistoryButton: Locator;

  constructor(readonly page: Page) {
    this.editorLines = page.locator(".monaco-editor .view-lines").first();
    this.versionHistoryButton = page.getByRole("button", { name: "Version History" });
  }

  async open(file = "README.md") {
    await this.page.goto(`/projects/${SAMPLE_PROJECT}?file=${encodeURIComponent(file)}`);
    await expect(this.editorLines).toBeVisible();
  }

  /** Types at the very top of the file, so the text is on screen without scrolling. */
  async typeAtStart(text: string) {
    await this.editorLines.click();
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
    const popover = this.page.getByRole("dialog", { name: /Version History/i });
    await expect(popover.getByRole("searchbox", { name: "Search versions" })).toBeVisible();
    return popover;
  }

  versionList(popover: Locator): Locator {
    return popover.getByRole("list", { name: /versions/i });
  }

  async createVersion(name: string, description: string) {
    const popover = await this.openVersionHistory();
    await popover.getByRole("button", { name: "Create version" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Create version" });
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await dialog.getByRole("textbox", { name: "Description" }).fill(description);
    await dialog.getByRole("button", { name: "Create version" }).click();
    await expect(dialog).toBeHidden();
    return popover;
  }
}
