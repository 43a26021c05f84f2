import { expect, type Locator, type Page } from "@playwright/test";

/** The Members page of a project: the people, the pending invites, the Invite member dialog. */
export class MembersPage {
  readonly people: Locator;
  readonly invites: Locator;

  constructor(readonly page: Page) {
    this.people = page.getByRole("region", { name: "People" });
    this.invites = page.getByRole("region", { name: "Pending invites" });
  }

  async open(slug: string) {
    await this.page.goto(`/projects/${slug}/members`);
    await expect(this.page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  }

  member(name: string): Locator {
    return this.people.getByRole("row").filter({ hasText: name });
  }

  roleOf(name: string): Locator {
    return this.people.getByRole("combobox", { name: `Role of ${name}` });
  }

  invite(email: string): Locator {
    return this.invites.getByRole("row").filter({ hasText: email });
  }

  /** Opens Invite member and fills it in; returns the dialog, the link not yet created. */
  async fillInvite(email: string, role: string): Promise<Locator> {
    await this.page.getByRole("button", { name: "Invite member" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Invite member" });
    await dialog.getByRole("textbox", { name: "Email" }).fill(email);
    await dialog.getByRole("combobox", { name: "Role" }).selectOption({ label: role });
    return dialog;
  }

  /** Remove → the confirmation → Remove; returns the dialog (still open when refused). */
  async remove(name: string, projectName: string): Promise<Locator> {
    await this.member(name).getByRole("button", { name: `Remove ${name}` }).click();
    const dialog = this.page.getByRole("dialog", { name: `Remove ${name} from ${projectName}?` });
    await dialog.getByRole("button", { name: "Remove", exact: true }).click();
    return dialog;
  }
}
