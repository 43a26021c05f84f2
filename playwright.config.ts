import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { storageStatePath } from "./e2e/accounts";
import { BASE_URL as baseURL } from "./e2e/base-url";

const PORT = new URL(baseURL).port;

// Playwright's own Chromium where it is installed; otherwise the system's (Debian's package).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
const useSystemChromium = !process.env.PLAYWRIGHT_USE_BUNDLED_CHROMIUM && systemChromium !== undefined;

const launchOptions = {
  ...(useSystemChromium ? { executablePath: systemChromium } : {}),
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // A test that passes only on a retry is broken; it fails the run rather than hiding.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      // Signs each role in once and keeps its browser state in e2e/.auth (git-ignored).
      name: "setup",
      testMatch: /\.setup\.ts$/,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      name: "chromium",
      dependencies: ["setup"],
      // Every spec (its page, its `request`, and contexts it opens) is signed in as the admin unless it says otherwise.
      use: { ...devices["Desktop Chrome"], launchOptions, storageState: storageStatePath("admin") },
    },
  ],
  webServer: {
    // A production server on its own port and its own throwaway database.
    command: `node e2e/start-server.mjs ${PORT}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
