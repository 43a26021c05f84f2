import { expect, type Locator, type Page } from "@playwright/test";
import { totpCode } from "@/lib/testing/totp";

/** The account page as a person uses it: its Access tokens section and the Create token dialog. */
export class AccountPage {
  constructor(readonly page: Page) {}

  /** Opens the page the way people find it: the header's Account menu. */
  async openFromMenu() {
    await this.page.getByRole("button", { name: "Account" }).click();
    await this.page.getByRole("menuitem", { name: "Account settings" }).click();
    await this.page.getByRole("heading", { name: "Account", level: 1 }).waitFor();
  }

  get tokens(): Locator {
    return this.page.getByRole("region", { name: "Access tokens" });
  }

  token(name: string): Locator {
    return this.tokens.getByRole("listitem", { name, exact: true });
  }

  /** Opens Create token and names the token; returns the dialog. */
  async startToken(name: string): Promise<Locator> {
    await this.tokens.getByRole("button", { name: "Create token" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Create token" });
    await dialog.getByRole("textbox", { name: "Token name" }).fill(name);
    return dialog;
  }

  /** Submits the dialog and reads the token it shows once. */
  async finishToken(dialog: Locator): Promise<string> {
    await dialog.getByRole("button", { name: "Create token" }).click();
    const shown = this.page.getByRole("dialog", { name: "Your new token" });
    const token = await shown.getByRole("textbox", { name: "New token" }).inputValue();
    return token;
  }

  get twoFactor(): Locator {
    return this.page.getByRole("region", { name: "Two-factor sign-in" });
  }

  /** Sets up two-factor sign-in with the password and a first code; returns the key, for later codes. */
  async turnOnTwoFactor(password: string): Promise<string> {
    const section = this.twoFactor;
    await section.getByLabel("Password").fill(password);
    await section.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    await expect(section.getByRole("img", { name: "QR code of your two-factor key" })).toBeVisible();
    const secret = (await section.locator("code").innerText()).trim();
    await section.getByRole("textbox", { name: "Code from your app" }).fill(totpCode(secret));
    await section.getByRole("button", { name: "Turn on" }).click();
    await section.getByRole("button", { name: "Done" }).click();
    await expect(section.getByRole("button", { name: "Turn off two-factor sign-in" })).toBeVisible();
    return secret;
  }
}
