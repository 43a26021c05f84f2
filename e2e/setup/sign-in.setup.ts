import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, storageStatePath, type AccountRole } from "../accounts";
import { SignInPage } from "../pages/sign-in";

// Signs each role in once, through the sign-in page, and keeps the browser state for the specs.
for (const role of Object.keys(ACCOUNTS) as AccountRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const account = ACCOUNTS[role];
    await new SignInPage(page).signIn(account.email, account.password, "/");
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
