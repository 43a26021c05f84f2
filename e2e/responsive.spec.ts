import type { Locator, Page } from "@playwright/test";
import { draftFile } from "./api";
import { seriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { DeployDialogPage } from "./pages/deploy";
import { EnvironmentsPage } from "./pages/environments";

const WIDTHS = [1440, 768, 390] as const;

interface Box {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every visible button, link and status in the page's banner, with where it is drawn. */
async function headerBoxes(page: Page): Promise<Box[]> {
  const controls = page.getByRole("banner").locator("a, button, [role=status]");
  const boxes: Box[] = [];
  for (const control of await controls.all()) {
    if (!(await control.isVisible())) continue;
    const box = await control.boundingBox();
    // Live regions that only speak to screen readers are visually hidden (1 px or less).
    if (!box || box.width <= 1 || box.height <= 1) continue;
    const label = (await control.getAttribute("aria-label")) ?? (await control.innerText()).trim();
    boxes.push({ label, ...box });
  }
  return boxes;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function expectHeaderFits(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  const boxes = await headerBoxes(page);
  expect(boxes.length).toBeGreaterThan(0);
  const outside = boxes.filter((box) => box.x < 0 || box.x + box.width > width).map((box) => box.label);
  expect(outside, "header controls outside the viewport").toEqual([]);
  const overlapping: string[] = [];
  boxes.forEach((box, index) => {
    for (const other of boxes.slice(index + 1)) {
      if (overlaps(box, other)) overlapping.push(`${box.label} / ${other.label}`);
    }
  });
  expect(overlapping, "header controls drawn over each other").toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(innerWidth);
}

async function expectWithinViewport(page: Page, element: Locator) {
  const box = await element.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

/** The workspace's More actions menu, where narrow headers keep what does not fit. */
function moreActions(page: Page): Locator {
  return page.getByRole("banner").getByRole("button", { name: "More actions" });
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("the workspace header's controls fit side by side and its actions stay reachable", async ({ workspace, page }) => {
      await workspace.open("workflows/order-sync.ts");
      await workspace.expectSaved();
      await expectHeaderFits(page);
      await expectNoHorizontalScroll(page);
      const banner = page.getByRole("banner");
      await expect(banner.getByRole("button", { name: "Version History" })).toBeVisible();
      await expect(banner.getByRole("button", { name: "Deploy", exact: true })).toBeVisible();

      // Environments and Project settings: in the header when there is room, else in the menu.
      if (await moreActions(page).isVisible()) {
        await moreActions(page).click();
        const menu = page.getByRole("menu", { name: "More actions" });
        await expect(menu.getByRole("menuitem", { name: "Environments" })).toBeVisible();
        await expectWithinViewport(page, menu);
        await menu.getByRole("menuitem", { name: "Project settings" }).click();
      } else {
        await expect(banner.getByRole("link", { name: "Environments" })).toBeVisible();
        await banner.getByRole("button", { name: "Project settings" }).click();
      }
      const settings = page.getByRole("dialog", { name: "Project settings" });
      await expect(settings).toBeVisible();
      await expectWithinViewport(page, settings);
      await expectNoHorizontalScroll(page);
    });

    test("the Version History popover and the Create version and Deploy dialogs fit the screen", async ({ workspace, page }) => {
      await workspace.open();
      const popover = await workspace.openVersionHistory();
      await expectWithinViewport(page, popover);
      await expectNoHorizontalScroll(page);

      await popover.getByRole("button", { name: "Create version" }).click();
      const create = page.getByRole("dialog", { name: "Create version" });
      await expect(create.getByRole("textbox", { name: "Name" })).toBeVisible();
      await expectWithinViewport(page, create);
      await expectNoHorizontalScroll(page);
      await page.keyboard.press("Escape");
      await expect(create).toBeHidden();
      await page.keyboard.press("Escape");
      await expect(popover).toBeHidden();

      const deploy = await new DeployDialogPage(page).openFromHeader();
      await expect(deploy.getByRole("combobox", { name: "Environment" })).toBeVisible();
      await expectWithinViewport(page, deploy);
      await expectNoHorizontalScroll(page);
    });

    test("the environments page fits the screen", async ({ workspace, page }) => {
      const environments = new EnvironmentsPage(page);
      await environments.open();
      await expect(environments.region("production")).toBeVisible();
      await expectHeaderFits(page);
      await expectNoHorizontalScroll(page);
      void workspace;
    });
  });
}

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the editor loads, typing autosaves and the file drawer opens a file", async ({ workspace, page }) => {
    await workspace.open("README.md");
    const marker = `narrow ${Date.now()}`;
    await workspace.typeAtStart(`${marker}\n`);
    await expect.poll(async () => (await draftFile(page.request, "README.md")).content).toContain(marker);
    await workspace.expectSaved();

    // The tree is not beside the editor on a phone; the Files button opens it over the page.
    await expect(page.getByRole("tree")).toBeHidden();
    await page.getByRole("button", { name: "Files", exact: true }).click();
    const drawer = page.getByRole("dialog", { name: "Files" });
    await expect(drawer).toBeVisible();
    await expectWithinViewport(page, drawer);
    // Its own close button dismisses it without choosing a file, and gives focus back to the Files button.
    const close = drawer.getByRole("button", { name: "Close files" });
    await expectWithinViewport(page, close);
    await close.click();
    await expect(drawer).toBeHidden();
    await expect(page).not.toHaveURL(/file=integration\.yaml/);
    await expect(page.getByRole("button", { name: "Files", exact: true })).toBeFocused();
    await page.getByRole("button", { name: "Files", exact: true }).click();
    await drawer.getByRole("treeitem", { name: "integration.yaml" }).click();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(/file=integration\.yaml/);
    await expect(workspace.editorLines).toContainText("name:");
  });

  test("the open menu and the open file drawer pass axe", async ({ workspace, page }) => {
    await workspace.open("README.md");
    await moreActions(page).click();
    await expect(page.getByRole("menu", { name: "More actions" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Files", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Files" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
