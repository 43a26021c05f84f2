import { expect, type Page } from "@playwright/test";

/** New project on the projects page: a copy of the sample integration, opened once made. */
export async function createSampleCopy(page: Page, project: { name: string; slug: string }) {
  await page.goto("/");
  await page.getByRole("button", { name: "New project" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(project.name);
  await dialog.getByRole("radio", { name: /Copy of the sample integration/ }).check();
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.slug}(\\?|$)`));
}
