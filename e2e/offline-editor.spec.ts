import { expect, test } from "./fixtures";

test("going offline as soon as the editor shows still lets TypeScript and JSON files open and take edits", async ({ workspace, page, context }) => {
  // Hold back the editor's code (Monaco's bundle, known by a string of its own) until two files'
  // text has arrived, so the editor first shows after they did and has never seen either.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("vscode-worker-ready")) await released;
    await route.fulfill({ response, body });
  });

  // Not waiting for "load": the held-back chunk may be one the load event waits for.
  await page.goto("/projects/order-sync?file=README.md", { waitUntil: "commit" });
  // The page is interactive once the draft status has arrived; the editor is still loading.
  await expect(workspace.draftStatus).toBeVisible();
  await expect(page.getByText("Loading editor…")).toBeVisible();
  const tree = page.getByRole("tree", { name: "Files" });
  for (const name of ["order-sync.ts", "order-to-erp.json", "README.md"]) {
    await tree.getByRole("treeitem", { name }).click();
    await expect(page.getByRole("main").getByText(name, { exact: true })).toBeVisible();
    await expect(page.getByText("Loading file…")).toBeHidden();
  }
  release();
  await expect(workspace.editorLines).toBeVisible();
  // Waits for handlers still fetching a chunk: a route removed under them fails their fulfil.
  await page.unrouteAll({ behavior: "wait" });
  // At once: whatever the editor needs for other languages must already be here.
  await context.setOffline(true);

  await tree.getByRole("treeitem", { name: "order-sync.ts" }).click();
  await expect(workspace.editorLines).toContainText("import");
  await workspace.typeAtStart("// typed offline in TypeScript\n");
  await expect(workspace.editorLines).toContainText("typed offline in TypeScript");

  await tree.getByRole("treeitem", { name: "order-to-erp.json" }).click();
  await expect(workspace.editorLines).toContainText("shippingMethods");
  await workspace.typeAtStart(" ");
  await expect(page.getByRole("banner").getByText("Offline — changes kept locally")).toBeVisible();

  await context.setOffline(false);
  await workspace.expectSaved();
});
