import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { BASE_URL as baseURL } from "./e2e/base-url";

const PORT = new URL(baseURL).port;

// Playwright's own Chromium where it is installed; otherwise the system's (Debian's package).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
const useSystemChromium = !process.env.PLAYWRIGHT_USE_BUNDLED_CHROMIUM && systemChromium !== undefined;

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
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(useSystemChromium ? { executablePath: systemChromium } : {}),
          args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
        },
      },
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
