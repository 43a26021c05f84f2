import { expect, type Download, type Locator, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { SAMPLE_PROJECT } from "./workspace";

/** The Activity page: the table of events, its filters and its exports. */
export class ActivityPage {
  constructor(readonly page: Page) {}

  async openFromHeader() {
    await this.page.getByRole("banner").getByRole("link", { name: "Activity", exact: true }).click();
    await this.expectOpen();
  }

  async open(query = "") {
    await this.page.goto(`/projects/${SAMPLE_PROJECT}/activity${query}`);
    await this.expectOpen();
  }

  async expectOpen() {
    await expect(this.page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Activity, newest first" });
  }

  /** The table's row whose sentence matches `what`. */
  row(what: string | RegExp): Locator {
    return this.table.getByRole("row").filter({ hasText: what });
  }

  async filterByKind(label: string) {
    await this.page.getByRole("combobox", { name: "Kind" }).selectOption({ label });
    await this.page.getByRole("button", { name: "Apply filters" }).click();
  }

  /** Clicks an export link and returns the downloaded file's name and text. */
  async export(link: "Export CSV" | "Export JSON"): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: link }).click()]);
    return { name: download.suggestedFilename(), text: await downloadedText(download) };
  }
}

async function downloadedText(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, "utf8");
}
