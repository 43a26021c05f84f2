// Crash-safety test (issue 6 point 3). Needs a prior `NEXT_DIST_DIR=.next-crash npx next build`.
// Usage: node e2e/crash/crash-test.mjs [delayMs ...]   (default 100 370 1000: before, around and after the commit, which lands ~350-400 ms after the POST with 2,000 files here). Exits 1 on any failure.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

const delays = process.argv.slice(2).map(Number);
if (delays.length === 0) delays.push(100, 370, 1000);
const distDir = process.env.NEXT_DIST_DIR ?? ".next-crash";
const slug = "crash";
const root = path.resolve(import.meta.dirname, "../..");
const helper = path.join(import.meta.dirname, "db.ts");

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startServer(dataDir, port) {
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_DIST_DIR: distDir, DRAFTLINE_DATA_DIR: dataDir, DATABASE_URL: "" },
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d)); child.stderr.on("data", (d) => (log += d));
  child.exited = new Promise((r) => child.on("exit", r));
  child.log = () => log;
  return child;
}
async function waitHealthy(base, child, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try { const r = await fetch(`${base}/api/health`); if (r.ok) return; } catch {}
    if (child.exitCode !== null) break;
    await sleep(200);
  }
  throw new Error(`server not healthy:\n${child.log().slice(-2000)}`);
}
async function killGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch {}
  await child.exited;
}
const db = (...args) => execFileSync("npx", ["tsx", helper, ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

const results = [];
const started = Date.now();
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const browser = await chromium.launch(executablePath ? { executablePath } : {});
for (const delay of delays) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "draftline-crash-"));
  const result = { delay, ok: false };
  try {
    db("seed", dataDir, slug);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = startServer(dataDir, port);
    await waitHealthy(base, server);

    // Acknowledged autosaves.
    const files = await (await fetch(`${base}/api/projects/${slug}/files`)).json();
    const acked = {};
    for (const f of files.slice(0, 5)) {
      const content = `// saved before crash at delay ${delay}\n${f.path}\n`;
      const r = await fetch(`${base}/api/projects/${slug}/files/content?path=${encodeURIComponent(f.path)}`, {
        method: "PUT", headers: { Origin: base, "Content-Type": "application/json" },
        body: JSON.stringify({ content, baseRevision: f.revision }),
      });
      if (r.ok) acked[f.path] = content;
    }
    result.acked = Object.keys(acked).length;

    // Deploy Latest Draft to development through the UI, then SIGKILL the whole process group.
    const page = await browser.newPage();
    await page.goto(`${base}/projects/${slug}`);
    await page.getByRole("banner").getByRole("button", { name: "Deploy", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: /^Deploy / });
    await dialog.waitFor();
    const env = dialog.getByRole("combobox", { name: "Environment" });
    if (await env.count()) await env.selectOption({ label: "development" });
    await dialog.getByRole("textbox", { name: "Name" }).fill(`crash-${delay}`);
    const sent = new Promise((r) => page.on("request", (q) => { if (q.method() === "POST") r(); }));
    await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
    await sent;
    await sleep(delay);
    await killGroup(server, "SIGKILL");
    await page.close();

    // Restart on the same folder: it must start and open the database.
    server = startServer(dataDir, port);
    await waitHealthy(base, server);
    const after = await fetch(`${base}/api/projects/${slug}/files`);
    if (!after.ok) throw new Error(`files after restart: ${after.status}`);
    await killGroup(server, "SIGTERM");

    const expectFile = path.join(dataDir, "expect.json");
    writeFileSync(expectFile, JSON.stringify({ slug, acked }));
    let out;
    try { out = db("check", dataDir, expectFile); result.ok = true; } catch (e) { out = e.stdout; }
    Object.assign(result, JSON.parse(out.trim().split("\n").pop()));
  } catch (e) {
    result.error = String(e?.stack ?? e);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  results.push(result);
  console.log(JSON.stringify(result));
}
await browser.close();
const failed = results.filter((r) => !r.ok);
console.log(`crash test: ${results.length - failed.length}/${results.length} delays passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed.length ? 1 : 0);
