import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { BASE_URL } from "../base-url";

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

  /** Invites `email` as `role` and reads the link the dialog shows once. */
  async createInviteLink(email: string, role: string): Promise<string> {
    const dialog = await this.fillInvite(email, role);
    await dialog.getByRole("button", { name: "Create invite link" }).click();
    const link = dialog.getByRole("textbox", { name: "Invite link" });
    await expect(link).toHaveValue(new RegExp(`^${BASE_URL}/invite/`));
    const url = await link.inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();
    return url;
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

/**
 * A browser of the person's own, signed out, that joins `project` through the invite link;
 * returns its context and page, in the project. `check` looks at the invite page first.
 */
export async function joinProject(
  browser: Browser,
  link: string,
  project: { name: string; slug: string },
  person: { name: string; password: string },
  check?: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Join ${project.name}` })).toBeVisible();
  await check?.(page);
  await page.getByRole("textbox", { name: "Name" }).fill(person.name);
  await page.getByRole("textbox", { name: "Password" }).fill(person.password);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.slug}$`));
  return { context, page };
}
