import { expect, type Locator, type Page } from "@playwright/test";
import { SAMPLE_PROJECT } from "./workspace";

export interface EnvironmentState {
  id: string;
  name: string;
  activeVersion: { id: string; number: number; name: string } | null;
}

/** The Environments page: a region per environment with its active version, history, Roll back or forward, Deploy a version… and settings. */
export class EnvironmentsPage {
  constructor(
    readonly page: Page,
    readonly slug: string = SAMPLE_PROJECT,
  ) {}

  async open() {
    await this.page.goto(`/projects/${this.slug}/environments`);
    await expect(this.page.getByRole("heading", { name: "Environments", level: 1 })).toBeVisible();
  }

  region(environment: string): Locator {
    return this.page.getByRole("region", { name: environment, exact: true });
  }

  history(environment: string): Locator {
    return this.region(environment).getByRole("list", { name: "Deployment history" }).getByRole("listitem");
  }

  async activeVersionName(environment: string): Promise<string | null> {
    return (await this.state(environment)).activeVersion?.name ?? null;
  }

  /** What runs in an environment, as the server says. */
  async state(environment: string): Promise<EnvironmentState> {
    const response = await this.page.request.get(`/api/projects/${this.slug}/environments`);
    expect(response.ok()).toBe(true);
    const environments = (await response.json()) as EnvironmentState[];
    const found = environments.find((candidate) => candidate.name === environment);
    if (!found) throw new Error(`No environment named ${environment}`);
    return found;
  }

  /** Opens the Roll back dialog, checks it names the target, and confirms. */
  async rollBack(environment: string, toVersion: string) {
    await this.region(environment).getByRole("button", { name: `Roll back to ${toVersion}`, exact: true }).click();
    const dialog = this.page.getByRole("dialog", { name: `Roll back ${environment} to ${toVersion}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: /^Roll back/ }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the environment's Deploy a version… picker; returns its dialog. */
  async openVersionPicker(environment: string): Promise<Locator> {
    await this.region(environment).getByRole("button", { name: "Deploy a version…", exact: true }).click();
    const picker = this.page.getByRole("dialog", { name: `Deploy a version to ${environment}` });
    await expect(picker.getByRole("searchbox", { name: "Search versions" })).toBeVisible();
    return picker;
  }

  /** A version in the picker: a button named by the version's name. */
  pickerVersion(picker: Locator, name: string): Locator {
    return picker.getByRole("list", { name: /^Versions/ }).getByRole("button", { name, exact: true });
  }

  /** Opens the Roll forward dialog, checks it names the target, and confirms (with production's tick). */
  async rollForward(environment: string, toVersion: string) {
    await this.region(environment).getByRole("button", { name: `Roll forward to ${toVersion}`, exact: true }).click();
    const dialog = this.page.getByRole("dialog", { name: `Roll ${environment} forward to ${toVersion}?` });
    await expect(dialog).toBeVisible();
    if (environment === "production") {
      await dialog.getByRole("checkbox", { name: `Yes, deploy ${toVersion} to production` }).check();
      await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
    } else {
      await dialog.getByRole("button", { name: `Roll forward to ${toVersion}`, exact: true }).click();
    }
    await expect(dialog).toBeHidden();
  }
}
