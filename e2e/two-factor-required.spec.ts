import type { BrowserContext } from "@playwright/test";
import { storageStatePath } from "./accounts";
import { seriousViolations } from "./axe";
import { BASE_URL } from "./base-url";
import { expect, test } from "./fixtures";
import { AccountPage } from "./pages/account";
import { joinProject, MembersPage } from "./pages/members";
import { createSampleCopy } from "./pages/projects";

// An admin requires two-factor sign-in of a project's release managers and admins; one who has
// not turned it on may read but not change anything until they do. On a project of its own, with
// people of its own, so no other spec's accounts or projects change.
test.use({ storageState: storageStatePath("owner") });

const PROJECT = { name: "Two-factor desk", slug: "two-factor-desk" };
const ADMIN = { name: "Ada Admin", email: "ada@two-factor-desk.example", password: "ada-keeps-two-factors" };
const RELEASE_MANAGER = { name: "Remy Release", email: "remy@two-factor-desk.example", password: "remy-has-one-factor" };
const REQUIRE = "Require two-factor sign-in for release managers and admins";

test("an admin requires two-factor sign-in; a release manager without it may only read until they turn it on", async ({ workspace, page, browser }) => {
  test.setTimeout(180_000);
  void workspace; // its checks: no console errors, no request leaving this machine
  const contexts: BrowserContext[] = [];
  try {
    await createSampleCopy(page, PROJECT);
    const owner = new MembersPage(page);
    await owner.open(PROJECT.slug);
    const adminLink = await owner.createInviteLink(ADMIN.email, "Admin");
    const managerLink = await owner.createInviteLink(RELEASE_MANAGER.email, "Release manager");

    const admin = await joinProject(browser, adminLink, PROJECT, ADMIN);
    contexts.push(admin.context);
    const adminMembers = new MembersPage(admin.page);
    await adminMembers.open(PROJECT.slug);
    const requirement = admin.page.getByRole("region", { name: "Two-factor sign-in" });
    // Requiring what one does not use would leave oneself only able to read: refused, unchanged.
    await requirement.getByRole("checkbox", { name: REQUIRE }).click();
    await expect(requirement.getByRole("alert")).toContainText("Turn on two-factor sign-in for yourself first");
    await expect(requirement.getByRole("checkbox", { name: REQUIRE })).not.toBeChecked();

    await admin.page.goto("/account");
    await new AccountPage(admin.page).turnOnTwoFactor(ADMIN.password);
    await adminMembers.open(PROJECT.slug);
    await requirement.getByRole("checkbox", { name: REQUIRE }).check();
    await expect(requirement.getByRole("checkbox", { name: REQUIRE })).toBeChecked();
    await expect(requirement.getByRole("alert")).toHaveCount(0);
    for (const width of [1440, 768, 390]) {
      await admin.page.setViewportSize({ width, height: 900 });
      expect(await seriousViolations(admin.page), `Members page at ${width} px`).toEqual([]);
    }
    await adminMembers.open(PROJECT.slug);
    await expect(requirement.getByRole("checkbox", { name: REQUIRE }), "kept after a reload").toBeChecked();

    // The release manager joins without two-factor: the project says why they may only read.
    const manager = await joinProject(browser, managerLink, PROJECT, RELEASE_MANAGER);
    contexts.push(manager.context);
    await expect(manager.page.getByRole("status").filter({ hasText: "requires two-factor sign-in" })).toBeVisible();
    const api = `/api/projects/${PROJECT.slug}`;
    expect((await manager.context.request.get(`${api}/files`)).status(), "reading stays open").toBe(200);
    const save = await manager.context.request.put(`${api}/files/content?path=README.md`, {
      headers: { origin: BASE_URL },
      data: { content: "changed without two-factor\n", baseRevision: 1 },
    });
    expect(save.status()).toBe(403);
    expect(((await save.json()) as { error: { message: string } }).error.message).toContain("turn it on in Account settings");

    // Once they turn it on, they act as their role allows.
    await manager.page.goto("/account");
    await new AccountPage(manager.page).turnOnTwoFactor(RELEASE_MANAGER.password);
    const file = (await (await manager.context.request.get(`${api}/files/content?path=README.md`)).json()) as { revision: number };
    const saved = await manager.context.request.put(`${api}/files/content?path=README.md`, {
      headers: { origin: BASE_URL },
      data: { content: "changed with two-factor\n", baseRevision: file.revision },
    });
    expect(saved.status()).toBe(200);
    await manager.page.goto(`/projects/${PROJECT.slug}`);
    await expect(manager.page.getByRole("status").filter({ hasText: "requires two-factor sign-in" })).toHaveCount(0);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
