// The Version History popover as a person meets it: a production build (`next start` on a
// throwaway data folder holding the sample project with 60 versions) in Chromium, timed from
// the click on Version History to the first row on screen.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Page } from "@playwright/test";
import playwrightConfig from "@/playwright.config";
import { openEmbedded } from "@/lib/db/connect";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { SAMPLE_PROJECT } from "@/lib/projects/sample-project";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from "@/lib/auth/seed-demo-users";
import { seedSampleProject } from "@/lib/projects/seed-sample-project";
import { createVersion } from "@/lib/versions/create-version";
import { log, round, summarize } from "./timing";

const VERSIONS = 60;
const OPENINGS = Number(process.env.BENCH_POPOVER_OPENINGS ?? 10);
const ROW = '[role="dialog"] li[data-row-index]';

declare global {
  interface Window {
    __popoverOpening?: { clickedAt?: number; rowAt?: number };
  }
}

/**
 * Notes the click on Version History and the first animation frame after it that shows a row.
 * Plain JavaScript: tsx would wrap a function's inner functions in a helper the page lacks.
 */
const WATCH_OPENING = `(() => {
  const timing = {};
  window.__popoverOpening = timing;
  document.addEventListener("click", function onClick(event) {
    if (!event.target.closest("button")?.textContent?.includes("Version History")) return;
    document.removeEventListener("click", onClick, true);
    timing.clickedAt = event.timeStamp;
    requestAnimationFrame(function poll() {
      const box = document.querySelector(${JSON.stringify(ROW)})?.getBoundingClientRect();
      if (box && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight) timing.rowAt = performance.now();
      else requestAnimationFrame(poll);
    });
  }, true);
})()`;

/** Milliseconds from the click on Version History to the first animation frame showing a row. */
async function timeOpening(page: Page): Promise<number> {
  await page.evaluate(WATCH_OPENING);
  await page.getByRole("button", { name: "Version History" }).click();
  await page.locator(ROW).first().waitFor({ timeout: 30_000 });
  await page
    .waitForFunction(() => window.__popoverOpening?.rowAt !== undefined, undefined, { timeout: 30_000 })
    .catch(async (error: unknown) => {
      throw new Error(`no timing: ${JSON.stringify(await page.evaluate(() => window.__popoverOpening))}`, { cause: error });
    });
  return page.evaluate(() => window.__popoverOpening!.rowAt! - window.__popoverOpening!.clickedAt!);
}

async function closePopover(page: Page) {
  await page.keyboard.press("Escape");
  await page.locator(ROW).first().waitFor({ state: "detached" });
}

/** A warm page: loaded, hydrated, and done with the requests it makes on its own. */
async function loadWorkspace(page: Page, url: string) {
  await page.goto(url);
  await page.locator(".monaco-editor .view-lines").first().waitFor();
  await page.waitForLoadState("networkidle");
}

export async function benchPopoverOpen() {
  const folder = await mkdtemp(path.join(tmpdir(), "draftline-bench-browser-"));
  let server: ChildProcess | undefined;
  try {
    await seedVersions(folder);
    ensureBuild();
    const port = await freePort();
    server = startServer(port, folder);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, server);
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await signIn(page, baseUrl);
      const url = `${baseUrl}/projects/${SAMPLE_PROJECT.slug}?file=README.md`;
      const firstOpen: number[] = [];
      for (let opening = 0; opening < OPENINGS; opening++) {
        await loadWorkspace(page, url);
        firstOpen.push(await timeOpening(page));
        await closePopover(page);
      }
      const reopen: number[] = [];
      for (let opening = 0; opening < OPENINGS; opening++) {
        reopen.push(await timeOpening(page));
        await closePopover(page);
      }
      return {
        versions: VERSIONS,
        viewport: "1440×900",
        firstOpenAfterLoad: { ms: summarize(firstOpen.map((ms) => round(ms, 1))) },
        reopen: { ms: summarize(reopen.map((ms) => round(ms, 1))) },
      };
    } finally {
      await browser.close();
    }
  } finally {
    if (server) await stopServer(server);
    await rm(folder, { recursive: true, force: true });
  }
}

/** Signs the page's browser in as the demo admin, through Better Auth's endpoint (the page's own cookie jar keeps the session). */
async function signIn(page: Page, baseUrl: string) {
  const admin = DEMO_USERS.find((user) => user.role === "admin")!;
  const response = await page.request.post(`${baseUrl}/api/auth/sign-in/email`, {
    headers: { origin: baseUrl },
    data: { email: admin.email, password: DEMO_PASSWORD },
  });
  if (!response.ok()) throw new Error(`Signing the bench in failed: ${response.status()} ${await response.text()}`);
}

/** The sample project, as the server seeds it, with `VERSIONS` versions made through the library. */
async function seedVersions(folder: string) {
  const connection = await openEmbedded(path.join(folder, "pglite"));
  try {
    const db = connection.prisma;
    await seedSampleProject(db);
    // The page is behind sign-in: the bench signs in as the demo admin.
    await seedDemoUsers(db);
    const project = await db.project.findUniqueOrThrow({ where: { slug: SAMPLE_PROJECT.slug }, select: { id: true } });
    const existing = await db.version.count({ where: { projectId: project.id } });
    for (let number = existing + 1; number <= VERSIONS; number++) {
      const changed = await createDraftFile(db, { projectId: project.id, path: `notes/change-${number}.md`, content: `Change ${number}\n` });
      if (!changed.ok) throw new Error(changed.error.message);
      const description =
        number % 3 === 0
          ? `Retry ERP writes on 429 with exponential back-off, and map the new warehouse codes from the ${number}th supplier feed so order sync keeps up with the peak season load.`
          : `Change ${number}`;
      const created = await createVersion(db, { projectId: project.id, name: `1.${number}.0`, description, origin: "manual", author: "bench@example.com" });
      if (!created.ok) throw new Error(created.error.message);
    }
  } finally {
    await connection.close();
  }
}

function distDir() {
  return process.env.NEXT_DIST_DIR ?? ".next";
}

/** Reuses the production build in place; builds one first when there is none. */
function ensureBuild() {
  if (existsSync(path.join(distDir(), "BUILD_ID"))) return;
  log(`no production build in ${distDir()}: running next build…`);
  const build = spawnSync("npx", ["next", "build"], { stdio: ["ignore", process.stderr, process.stderr] });
  if (build.status !== 0) throw new Error("next build failed");
}

function startServer(port: number, folder: string): ChildProcess {
  return spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DRAFTLINE_DATA_DIR: folder, DATABASE_URL: "" },
    stdio: ["ignore", "ignore", process.stderr],
    detached: true,
  });
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.pid === undefined) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  // npx runs next in a child of its own: the whole process group goes.
  process.kill(-server.pid, "SIGTERM");
  await exited;
}

async function waitForHealth(baseUrl: string, server: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("next start did not answer /api/health within 2 minutes");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The Chromium the end-to-end tests use, launched the same way (playwright.config.ts). */
function chromiumLaunchOptions() {
  const project = playwrightConfig.projects?.[0];
  return project?.use?.launchOptions ?? {};
}

// `npx tsx scripts/bench/popover-open.ts` measures only this.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`${JSON.stringify(await benchPopoverOpen(), null, 2)}\n`);
}
