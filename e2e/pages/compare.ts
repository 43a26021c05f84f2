import { expect, type Locator, type Page } from "@playwright/test";
import { SAMPLE_PROJECT } from "./workspace";

/** The Compare page as a person uses it: two side pickers, the file list, one file's diff. */
export class ComparePage {
  readonly from: Locator;
  readonly to: Locator;
  readonly files: Locator;
  readonly inlineToggle: Locator;
  /** Monaco's diff editor; its two inner editors are `.editor.original` and `.editor.modified`. */
  readonly diff: Locator;
  readonly originalSide: Locator;
  readonly modifiedSide: Locator;
  /** In the inline view, the removed lines Monaco shows above the added ones. */
  readonly inlineRemovedLines: Locator;

  constructor(readonly page: Page) {
    this.from = page.getByRole("combobox", { name: "From" });
    this.to = page.getByRole("combobox", { name: "To" });
    this.files = page.getByRole("listbox", { name: "Files" });
    this.inlineToggle = page.getByRole("button", { name: "Inline view" });
    this.diff = page.locator(".monaco-diff-editor");
    this.originalSide = this.diff.locator(".editor.original .view-lines");
    this.modifiedSide = this.diff.locator(".editor.modified .view-lines:not(.line-delete)");
    this.inlineRemovedLines = this.diff.locator(".editor.modified .view-lines.line-delete");
  }

  /** Each side is `draft` or a version id. */
  async open(from: string, to: string) {
    await this.page.goto(`/projects/${SAMPLE_PROJECT}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    await expect(this.page.getByRole("heading", { name: "Compare", level: 1 })).toBeVisible();
  }

  /** Types into a side's picker and chooses the option with that label ("1.1.0 #3", "Latest draft"). */
  async choose(side: "From" | "To", search: string, label: string) {
    const picker = side === "From" ? this.from : this.to;
    await picker.click();
    await picker.fill(search);
    const listbox = this.page.getByRole("listbox", { name: side });
    await expect(listbox.getByRole("option").first()).toHaveAccessibleName(label);
    await picker.press("Enter");
    await expect(picker).toHaveValue(label);
  }

  /** The files listed under a kind of change: "Modified", "Added", "Removed" or "Unchanged". */
  group(status: string): Locator {
    return this.files.getByRole("group", { name: new RegExp(`^${status}\\b`) });
  }

  file(path: string): Locator {
    return this.files.getByRole("option", { name: path, exact: true });
  }
}
