import { storageStatePath } from "./accounts";
import { seriousViolations } from "./axe";
import { BASE_URL } from "./base-url";
import { expect, test } from "./fixtures";
import { MembersPage } from "./pages/members";
import { SAMPLE_PROJECT } from "./pages/workspace";
import { TEAM_PROJECT } from "./team-project";

// Each test builds on the members the one before left (seed-people.ts: Ann admin, Bob builder, Vic viewer).
test.describe.configure({ mode: "serial" });
// As the owner, an admin of every project: the demo admin is not a member of the team's project.
test.use({ storageState: storageStatePath("owner") });

const LAST_ADMIN = "Ann Admin is the project's last admin. Make another member an admin first, so someone can still manage the project.";

test("the project header links to Members, and the page lists the members with their roles", async ({ workspace, page }) => {
  await workspace.open();
  await page.getByRole("banner").getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${SAMPLE_PROJECT}/members$`));
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();

  const members = new MembersPage(page);
  await members.open(TEAM_PROJECT.slug);
  await expect(members.member("Ann Admin")).toContainText("ann@team.example");
  await expect(members.roleOf("Ann Admin")).toHaveValue("admin");
  await expect(members.roleOf("Bob Builder")).toHaveValue("builder");
  await expect(members.roleOf("Vic Viewer")).toHaveValue("viewer");
});

test("an admin invites a builder: the link appears once, copies, and the invite can be revoked", async ({ workspace, page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  const members = new MembersPage(page);
  await members.open(TEAM_PROJECT.slug);
  void workspace;

  const dialog = await members.fillInvite("New.Builder@Example.com ", "Builder");
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Create invite link" }).click();

  const link = dialog.getByRole("textbox", { name: "Invite link" });
  await expect(link).toHaveValue(new RegExp(`^${BASE_URL}/invite/[A-Za-z0-9_-]{43}$`));
  const url = await link.inputValue();
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Done" }).click();

  const invite = members.invite("new.builder@example.com");
  await expect(invite).toContainText("Builder");
  await invite.getByRole("button", { name: "Revoke" }).click();
  await expect(invite).toHaveCount(0);
  await expect(members.invites).toContainText("No invite links are waiting to be used.");
});

test("an admin changes a member's role, and it stays changed", async ({ workspace, page }) => {
  const members = new MembersPage(page);
  await members.open(TEAM_PROJECT.slug);
  void workspace;
  await members.roleOf("Bob Builder").selectOption({ label: "Release manager" });
  await expect(members.roleOf("Bob Builder")).toHaveValue("release_manager");
  await page.reload();
  await expect(members.roleOf("Bob Builder")).toHaveValue("release_manager");
});

test("an admin removes a member after confirming", async ({ workspace, page }) => {
  const members = new MembersPage(page);
  await members.open(TEAM_PROJECT.slug);
  void workspace;
  const dialog = await members.remove("Vic Viewer", TEAM_PROJECT.name);
  await expect(dialog).toBeHidden();
  await expect(members.member("Vic Viewer")).toHaveCount(0);
  await page.reload();
  await expect(members.member("Ann Admin")).toBeVisible();
  await expect(members.member("Vic Viewer")).toHaveCount(0);
});

test("the last admin can be neither demoted nor removed, and the page says why", async ({ workspace, page }) => {
  const members = new MembersPage(page);
  await members.open(TEAM_PROJECT.slug);
  void workspace;

  await members.roleOf("Ann Admin").selectOption({ label: "Viewer" });
  await expect(members.people.getByRole("alert")).toHaveText(LAST_ADMIN);
  await expect(members.roleOf("Ann Admin")).toHaveValue("admin");

  const dialog = await members.remove("Ann Admin", TEAM_PROJECT.name);
  await expect(dialog.getByRole("alert")).toHaveText(LAST_ADMIN);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(members.roleOf("Ann Admin")).toHaveValue("admin");
});

test("New project creates a copy of the sample and opens it", async ({ workspace, page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "New project" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("The project name must be 1 to 100 characters.");
  await dialog.getByRole("textbox", { name: "Name" }).fill("Billing export");
  await dialog.getByRole("radio", { name: /Copy of the sample integration/ }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Create project" }).click();

  await expect(page).toHaveURL(/\/projects\/billing-export(\?|$)/);
  await expect(page.getByRole("heading", { name: "Billing export" })).toBeVisible();
  await expect(workspace.editorLines).toBeVisible();
  await page.getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("list", { name: "Your projects" }).getByRole("link", { name: /^Billing export/ })).toBeVisible();
});

for (const width of [1440, 768, 390]) {
  test(`the Members page and its dialog fit and pass axe at ${width} px`, async ({ workspace, page }) => {
    await page.setViewportSize({ width, height: 900 });
    const members = new MembersPage(page);
    await members.open(TEAM_PROJECT.slug);
    void workspace;
    expect(await seriousViolations(page)).toEqual([]);
    const fits = () => page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) <= window.innerWidth);
    expect(await fits(), "the page scrolls sideways").toBe(true);
    await expect(members.roleOf("Ann Admin")).toBeInViewport();
    await expect(members.member("Ann Admin").getByRole("button", { name: "Remove Ann Admin" })).toBeInViewport();

    const dialog = await members.fillInvite(`axe.${width}@example.com`, "Viewer");
    await dialog.getByRole("button", { name: "Create invite link" }).click();
    await expect(dialog.getByRole("textbox", { name: "Invite link" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await fits(), "the dialog makes the page scroll sideways").toBe(true);
    await expect(dialog.getByRole("button", { name: "Copy" })).toBeInViewport();
  });
}
