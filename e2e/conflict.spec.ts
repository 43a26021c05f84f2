import type { Route } from "@playwright/test";
import { DEFAULT_ACCOUNT } from "./accounts";
import { draftFile } from "./api";
import { expect, test } from "./fixtures";
import { WorkspacePage } from "./pages/workspace";

/**
 * This tab's saves cannot reach the server (as if offline), so its text is unsaved when another
 * tab saves the same file. It still hears of that change and fetches the file again, but keeps
 * its own text; once its save gets through, the save is refused as a conflict.
 */
async function conflictWithOtherTab(workspace: WorkspacePage, other: WorkspacePage, file: string, texts: { mine: string; theirs: string }) {
  const { page } = workspace;
  await workspace.open(file);
  await other.open(file);
  const refuseSaves = (route: Route) =>
    route.request().method() === "PUT" ? route.abort("internetdisconnected") : route.fallback();
  await page.route("**/api/projects/*/files/content?*", refuseSaves);
  await workspace.typeAtStart(texts.mine);
  await expect(page.getByRole("banner").getByText("Offline — changes kept locally")).toBeVisible();

  const fetchedAgain = page.waitForResponse(
    (response) => response.url().includes("/files/content?") && response.request().method() === "GET",
  );
  await other.typeAtStart(texts.theirs);
  await other.expectSaved();
  await fetchedAgain;
  await expect(workspace.editorLines).toContainText(texts.mine);
  await expect(workspace.editorLines).not.toContainText(texts.theirs);

  await page.unroute("**/api/projects/*/files/content?*", refuseSaves);
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByRole("banner").getByText("Conflict", { exact: true })).toBeVisible();
  const conflict = page.getByRole("region", { name: `Conflict in ${file}` });
  await expect(conflict).toBeVisible();
  return conflict;
}

test("a stale save is refused as a conflict and the user chooses which text wins", async ({ workspace, browser }) => {
  const otherContext = await browser.newContext();
  const other = new WorkspacePage(await otherContext.newPage());
  const theirs = `# their change ${Date.now()}`;
  const mine = `# my change ${Date.now()}`;
  const conflict = await conflictWithOtherTab(workspace, other, "integration.yaml", {
    mine: `${mine}\n`,
    theirs: `${theirs}\n`,
  });

  await conflict.getByRole("button", { name: "Keep my version" }).click();
  await workspace.expectSaved();

  // The other tab, with nothing pending, shows the winning text without being reloaded.
  await expect(other.editorLines).toContainText(mine);
  await expect(other.editorLines).not.toContainText(theirs);
  await otherContext.close();
});

test("Use their version discards the local text", async ({ workspace, browser }) => {
  const otherContext = await browser.newContext();
  const other = new WorkspacePage(await otherContext.newPage());
  const theirs = `"their-${Date.now()}",`;
  const mine = `"mine-${Date.now()}",`;
  const conflict = await conflictWithOtherTab(workspace, other, "mappings/order-to-erp.json", { mine, theirs });

  await conflict.getByRole("button", { name: "Use their version" }).click();
  await expect(conflict).toBeHidden();
  await expect(workspace.editorLines).toContainText(theirs);
  await expect(workspace.editorLines).not.toContainText(mine);
  await otherContext.close();
});

test("the conflict says who changed the file and when, and saves exactly the text merged in it", async ({
  workspace,
  page,
  browser,
}) => {
  const file = "workflows/refund-sync.ts";
  const original = (await draftFile(page.request, file)).content;
  const otherContext = await browser.newContext();
  const other = new WorkspacePage(await otherContext.newPage());
  const theirs = `// their change ${Date.now()}`;
  const mine = `// my change ${Date.now()}`;
  const conflict = await conflictWithOtherTab(workspace, other, file, { mine: `${mine}\n`, theirs: `${theirs}\n` });

  await expect(conflict).toContainText(`Changed by ${DEFAULT_ACCOUNT.name} just now`);
  await expect(conflict).not.toContainText(/revision/i);

  // The right side holds this tab's text; the user adds the other tab's line to it.
  const merged = conflict.getByRole("textbox", { name: `${file} in your version, editable` });
  await merged.focus();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.insertText(`${theirs}\n`);
  await conflict.getByRole("button", { name: "Save merged" }).click();
  await expect(conflict).toBeHidden();
  await workspace.expectSaved();

  const expected = `${theirs}\n${mine}\n${original}`;
  expect((await draftFile(page.request, file)).content).toBe(expected);
  await expect(workspace.editorLines).toContainText(theirs);
  await expect(workspace.editorLines).toContainText(mine);
  await expect(other.editorLines).toContainText(mine);
  await otherContext.close();
});
