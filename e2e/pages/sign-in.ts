import { expect, type Page } from "@playwright/test";

/** The sign-in page and the first start's Create the owner account, as a person uses them. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async open(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  }

  async fill(email: string, password: string) {
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await this.page.getByRole("textbox", { name: "Email" }).fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  /** Signs in and waits until the page has left the sign-in page. */
  async signIn(email: string, password: string, next?: string) {
    await this.open(next);
    await this.fill(email, password);
    await expect(this.page).not.toHaveURL(/\/sign-in/);
  }

  async createOwner(account: { name: string; email: string; password: string }) {
    await expect(this.page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();
    await this.page.getByRole("textbox", { name: "Name" }).fill(account.name);
    await this.page.getByRole("textbox", { name: "Email" }).fill(account.email);
    await this.page.getByLabel("Password").fill(account.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Account" }).click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }
}
