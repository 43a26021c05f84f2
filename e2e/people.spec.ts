import type { BrowserContext, Page } from "@playwright/test";
import { storageStatePath } from "./accounts";
import { seriousViolations } from "./axe";
import { BASE_URL } from "./base-url";
import { expect, test } from "./fixtures";
import { ActivityPage } from "./pages/activity";
import { DeployDialogPage } from "./pages/deploy";
import { EnvironmentsPage } from "./pages/environments";
import { joinProject, MembersPage } from "./pages/members";
import { createSampleCopy } from "./pages/projects";
import { WorkspacePage } from "./pages/workspace";
import { interceptAction, replay } from "./server-actions";

// The whole issue in one story, on a project of its own (made here), so no other spec sees its
// people, its protection or its deployments: the owner invites a builder and a release manager,
// each joins in a browser of their own, production needs one approval, the builder's deploy
// becomes a request the release manager approves, and the log has all of it.
test.use({ storageState: storageStatePath("owner") });

const PROJECT = { name: "Release desk", slug: "release-desk" };
const BUILDER = { name: "Bea Builder", email: "bea@release-desk.example", password: "bea-builds-integrations" };
const RELEASE_MANAGER = { name: "Rex Release", email: "rex@release-desk.example", password: "rex-approves-deployments" };

async function invitePageFits(page: Page) {
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await seriousViolations(page), `axe at ${width} px`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `the invite page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    await expect(page.getByRole("button", { name: "Join" })).toBeInViewport();
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a builder's production deploy waits for a release manager's approval, and a replayed deploy is refused", async ({ workspace, page, browser }) => {
  test.setTimeout(180_000);
  const contexts: BrowserContext[] = [];
  try {
    // The owner makes the project: a copy of the sample, with development, staging and production.
    await createSampleCopy(page, PROJECT);
    void workspace;

    const members = new MembersPage(page);
    await members.open(PROJECT.slug);
    const builderLink = await members.createInviteLink(BUILDER.email, "Builder");
    const managerLink = await members.createInviteLink(RELEASE_MANAGER.email, "Release manager");

    const builder = await joinProject(browser, builderLink, PROJECT, BUILDER, invitePageFits);
    contexts.push(builder.context);
    const manager = await joinProject(browser, managerLink, PROJECT, RELEASE_MANAGER);
    contexts.push(manager.context);
    await page.reload();
    await expect(members.roleOf(BUILDER.name)).toHaveValue("builder");
    await expect(members.roleOf(RELEASE_MANAGER.name)).toHaveValue("release_manager");

    // While production is unprotected, the builder's dialog sends a plain deploy: caught, unsent, to replay later.
    const version = `desk-${Date.now()}`;
    const builderWorkspace = new WorkspacePage(builder.page, PROJECT.slug);
    await builderWorkspace.open("README.md");
    const popover = await builderWorkspace.createVersion(version, "Ready for production");
    const builderDeploy = new DeployDialogPage(builder.page);
    const caught = await interceptAction(builder.page, (body) => body.includes('"confirmed":true'));
    await builderDeploy.openFromRow(builderWorkspace.versionRow(popover, version));
    await builderDeploy.chooseEnvironment("production");
    await builderDeploy.dialog.getByRole("button", { name: "Deploy", exact: true }).click();
    await builderDeploy.dialog.getByRole("checkbox", { name: `Yes, deploy ${version} to production` }).check();
    await builderDeploy.dialog.getByRole("button", { name: "Deploy", exact: true }).click();
    const directDeploy = await caught();

    // An admin protects production.
    const environments = new EnvironmentsPage(page, PROJECT.slug);
    await environments.open();
    await environments.region("production").getByRole("button", { name: "Protection", exact: true }).click();
    const protection = page.getByRole("dialog", { name: "Protect production" });
    await protection.getByRole("spinbutton", { name: "Required approvals" }).fill("1");
    await protection.getByRole("button", { name: "Save", exact: true }).click();
    await expect(protection).toBeHidden();
    await expect(environments.region("production").getByText("Protected · needs 1 approval")).toBeVisible();
    const production = await environments.state("production");
    expect(production.activeVersion).toBeNull();
    const history = `/api/projects/${PROJECT.slug}/environments/${production.id}/history`;

    // In the UI, the builder's deploy is now a request.
    await builderWorkspace.open("README.md");
    const again = await builderWorkspace.openVersionHistory();
    await builderDeploy.openFromRow(builderWorkspace.versionRow(again, version));
    await builderDeploy.chooseEnvironment("production");
    await expect(builderDeploy.dialog.getByRole("button", { name: "Deploy", exact: true })).toHaveCount(0);
    await builderDeploy.dialog.getByRole("textbox", { name: "Note for approvers" }).fill("Checked in staging");
    await builderDeploy.dialog.getByRole("button", { name: "Request deployment", exact: true }).click();
    // Production asks for the tick that names the version, for a request as for a deploy.
    await expect(builderDeploy.dialog.getByText(`production runs ${version} once the request you make now is approved.`)).toBeVisible();
    await builderDeploy.dialog.getByRole("checkbox", { name: `Yes, deploy ${version} to production` }).check();
    await builderDeploy.dialog.getByRole("button", { name: "Request deployment", exact: true }).click();
    await expect(builderDeploy.dialog).toBeHidden();
    expect((await environments.state("production")).activeVersion).toBeNull();

    // The builder, replaying the plain deploy with their own cookies, is refused: production is
    // protected, so the server holds it as a request, and one is already waiting. Nothing is deployed.
    const replayed = await replay(builder.context.request, directDeploy, new URL(BASE_URL).origin);
    const answer = await replayed.text();
    expect(answer).toContain('"ok":false');
    expect(answer).toContain(`A request to deploy ${version} to production is already waiting for approval.`);
    expect((await environments.state("production")).activeVersion).toBeNull();
    expect(((await (await page.request.get(history)).json()) as { items: unknown[] }).items).toEqual([]);

    // The release manager approves it in their own browser; production then runs the version.
    const managerEnvironments = new EnvironmentsPage(manager.page, PROJECT.slug);
    await managerEnvironments.open();
    const request = manager.page
      .getByRole("region", { name: "Deployment requests" })
      .getByRole("listitem", { name: `Deploy ${version} to production` });
    await expect(request).toContainText("pending");
    await expect(request).toContainText(BUILDER.name);
    await request.getByRole("button", { name: "Approve" }).click();
    const approve = manager.page.getByRole("dialog", { name: `Approve ${version} for production?` });
    await approve.getByRole("textbox", { name: "Comment" }).fill("Looks right");
    await approve.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(approve).toBeHidden();
    await expect.poll(async () => (await environments.state("production")).activeVersion?.name).toBe(version);
    expect(((await (await page.request.get(history)).json()) as { items: unknown[] }).items).toHaveLength(1);

    // The owner reads it all in the activity log, and in its CSV export.
    await page.goto(`/projects/${PROJECT.slug}`);
    const activity = new ActivityPage(page);
    await activity.openFromHeader();
    const expected: [string, RegExp][] = [
      ["Member invited", new RegExp(BUILDER.email)],
      ["Member joined", new RegExp(BUILDER.name)],
      ["Member joined", new RegExp(RELEASE_MANAGER.name)],
      ["Protection changed", /production/],
      ["Deployment requested", new RegExp(BUILDER.name)],
      ["Request approved", new RegExp(RELEASE_MANAGER.name)],
      ["Deployed", new RegExp(`${version} to production`)],
    ];
    for (const [kind, what] of expected) await expect(activity.row(kind).filter({ hasText: what }).first(), `${kind} ${what}`).toBeVisible();

    const csv = await activity.export("Export CSV");
    const lines = csv.text.split("\r\n");
    for (const [kind, what] of expected) expect(lines.some((line) => line.includes(kind) && what.test(line)), `CSV: ${kind} ${what}`).toBe(true);
    expect(lines.some((line) => line.includes("Deployed") && line.includes(BUILDER.name) && line.includes(RELEASE_MANAGER.name)), "the deployment names requester and approver").toBe(true);
  } finally {
    for (const context of contexts) await context.close();
  }
});
