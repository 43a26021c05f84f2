import { totpCode } from "@/lib/testing/totp";
import { ACCOUNTS } from "./accounts";
import { seriousViolations } from "./axe";
import { BASE_URL } from "./base-url";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in";
import { SAMPLE_PROJECT } from "./pages/workspace";

const SIGNED_OUT = { cookies: [], origins: [] };
// The viewer's account: no spec signs in as the viewer after the setup project, and this one turns it off again.
const PERSON = ACCOUNTS.viewer;
const PROJECT = `/projects/${SAMPLE_PROJECT}`;

test("two-factor sign-in: turned on from the account page, then signing in asks for the app's code", async ({ browser }) => {
  const context = await browser.newContext({ storageState: SIGNED_OUT, baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.signIn(PERSON.email, PERSON.password, PROJECT);
    await page.getByRole("button", { name: "Account" }).click();
    await page.getByRole("menuitem", { name: "Account settings" }).click();
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
    const section = page.getByRole("region", { name: "Two-factor sign-in" });

    await section.getByLabel("Password").fill(PERSON.password);
    await section.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    await expect(section.getByRole("img", { name: "QR code of your two-factor key" })).toBeVisible();
    const secret = (await section.locator("code").innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    for (const width of [1440, 768, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await seriousViolations(page), `${width} px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the account page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    }
    await section.getByRole("textbox", { name: "Code from your app" }).fill(totpCode(secret));
    await section.getByRole("button", { name: "Turn on" }).click();
    const backupCodes = section.getByRole("list", { name: "Backup codes" }).getByRole("listitem");
    await expect(backupCodes.first()).toBeVisible();
    const backupCode = (await backupCodes.first().innerText()).trim();
    await section.getByRole("button", { name: "Done" }).click();
    await expect(section.getByRole("button", { name: "Turn off two-factor sign-in" })).toBeVisible();

    // Signed out, the password alone no longer signs in: the second step asks for the code.
    await signIn.signOut();
    await signIn.open(PROJECT);
    await signIn.fill(PERSON.email, PERSON.password);
    const code = page.getByRole("textbox", { name: "Two-factor code" });
    await expect(code).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await code.fill("000000" === totpCode(secret) ? "111111" : "000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That code is not right. Enter the code your app shows now, or an unused backup code.");
    await code.fill(totpCode(secret));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(PROJECT);

    // A backup code works once in place of the app's code.
    await signIn.signOut();
    await signIn.open();
    await signIn.fill(PERSON.email, PERSON.password);
    await page.getByRole("textbox", { name: "Two-factor code" }).fill(backupCode);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);

    // Turned off again (the password confirms it), the password alone signs in.
    await page.goto("/account");
    await section.getByLabel("Password").fill(PERSON.password);
    await section.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
    await expect(section.getByRole("button", { name: "Set up two-factor sign-in" })).toBeVisible();
    await signIn.signOut();
    await signIn.signIn(PERSON.email, PERSON.password, PROJECT);
    await expect(page).toHaveURL(PROJECT);
  } finally {
    await context.close();
  }
});
