import { expect, type Locator, type Page } from "@playwright/test";

/** The deploy dialog as a release manager uses it, from the header or a Version History row. */
export class DeployDialogPage {
  constructor(readonly page: Page) {}

  /** Any deploy dialog: "Deploy Latest Draft to …" or "Deploy <version> to …". */
  get dialog(): Locator {
    return this.page.getByRole("dialog", { name: /^Deploy / });
  }

  async openFromHeader(): Promise<Locator> {
    await this.page.getByRole("banner").getByRole("button", { name: "Deploy", exact: true }).click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }

  async openFromRow(row: Locator): Promise<Locator> {
    await row.getByRole("button", { name: "Deploy…", exact: true }).click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }

  async chooseEnvironment(environment: string) {
    await this.dialog.getByRole("combobox", { name: "Environment" }).selectOption({ label: environment });
  }

  /** Presses Deploy; for production, ticks the confirmation that names the version and presses Deploy again. */
  async confirm({ environment, versionName }: { environment: string; versionName: string }) {
    await this.dialog.getByRole("button", { name: "Deploy", exact: true }).click();
    if (environment === "production") {
      await expect(this.dialog.getByText(`Deploy ${versionName} to production?`)).toBeVisible();
      await this.dialog.getByRole("checkbox", { name: `Yes, deploy ${versionName} to production` }).check();
      await this.dialog.getByRole("button", { name: "Deploy", exact: true }).click();
    }
    await expect(this.dialog).toBeHidden();
    await expect(this.page.getByRole("status").filter({ hasText: `now runs in ${environment}` })).toBeVisible();
  }
}
