// Crash-safety test on a MAX_FILES_PER_PROJECT-file project: SIGKILLs the production server while it deploys
// the latest draft (through the UI), while it creates a plain version (through the UI), and during a burst
// of autosaves (PUTs over HTTP); restarts it on the same data and checks saves and invariants.
// Usage: node e2e/crash/crash-test.mjs [kill point ...]. A kill point is `<scenario>:<when>`:
//   deploy:<ms> / deploy:ack  ms after the deploy's POST is sent, or right after the server answered it
//   version:<ms> / version:ack  the same for Create version
//   saves:<ms>  ms after the first of a burst of saves, one per file to BURST_FILES files, sent SAVE_GAP_MS apart
// A bare `<ms>` or `ack` means a deploy. The default covers each scenario on both sides of its commit.
// Exits 1 on any failure.
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

// With 5,000 files on a 2-core machine the deploy commits about 330-600 ms after its POST (kills at up
// to 400 ms found no version but for one, answers came 333-625 ms after it): 250 ms falls mid-way
// through the deploy, 400 ms around its commit (either outcome), `ack` after it. Creating a plain
// version does the same work without the deployment: 150 ms falls before its commit, `ack` after.
// Sent all at once, a burst's saves are all committed before the first is answered; sent 20 ms apart
// (an editor's autosaves of many files) the early ones are answered while the later ones are still
// arriving: a kill 1.5 s in finds saves answered, committed but unanswered, and not yet committed.
const DEFAULT_KILL_POINTS = ["deploy:250", "deploy:400", "deploy:ack", "version:150", "version:ack", "saves:1500"];
const BURST_FILES = 120;
const SAVE_GAP_MS = 20;
const killPoints = process.argv.slice(2).map((point) => (point.includes(":") ? point : `deploy:${point}`));
if (killPoints.length === 0) killPoints.push(...DEFAULT_KILL_POINTS);
for (const point of killPoints) {
  if (!/^(deploy|version):(\d+|ack)$|^saves:\d+$/.test(point)) {
    console.error(`crash test: ${point} is not a kill point (deploy:<ms>|deploy:ack, version:<ms>|version:ack, saves:<ms>)`);
    process.exit(2);
  }
}
// Six runs take one to two minutes on an idle machine and several times that on a loaded one.
const TIME_LIMIT_MS = 10 * 60_000;
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const slug = "crash";
const root = path.resolve(import.meta.dirname, "../..");
const helper = path.join(import.meta.dirname, "db.ts");

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const servers = new Set();
const tempDirs = new Set();
function tempDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}
function removeTempDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}
// Whatever happens (a failed check, an exception, Ctrl-C), no server and no data folder outlives the test.
function cleanUp() {
  for (const child of servers) try { process.kill(-child.pid, "SIGKILL"); } catch {}
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(1));
setTimeout(() => {
  console.error(`crash test: not done after ${TIME_LIMIT_MS / 1000} s`);
  process.exit(1);
}, TIME_LIMIT_MS).unref();

function startServer(dataDir, port) {
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_DIST_DIR: distDir, DRAFTLINE_DATA_DIR: dataDir, DATABASE_URL: "", DRAFTLINE_SIGN_IN_ATTEMPTS: "1000" },
  });
  servers.add(child);
  let log = "";
  child.stdout.on("data", (d) => (log += d)); child.stderr.on("data", (d) => (log += d));
  child.exited = new Promise((r) => child.on("exit", () => { servers.delete(child); r(); }));
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
/** The session cookie every request sends: the seeded admin (db.ts), signed in once per run (sessions survive restarts). */
let session = "";
async function signIn(base) {
  const r = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST", headers: { Origin: base, "Content-Type": "application/json" },
    body: JSON.stringify({ email: "admin@draftline.test", password: "draftline-demo" }),
  });
  if (!r.ok) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
  session = (r.headers.get("set-cookie") ?? "").split(";", 1)[0];
}
const db = (...args) => execFileSync("npx", ["tsx", helper, ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

const saveUrl = (base, filePath) => `${base}/api/projects/${slug}/files/content?path=${encodeURIComponent(filePath)}`;
/** One autosave over HTTP as the editor sends it: the answer's status and, when acknowledged, the revision. */
async function save(base, filePath, content, baseRevision) {
  const r = await fetch(saveUrl(base, filePath), {
    method: "PUT", headers: { Origin: base, "Content-Type": "application/json", Cookie: session },
    body: JSON.stringify({ content, baseRevision }),
  });
  return { status: r.status, revision: r.ok ? (await r.json()).revision : null };
}
async function draftFiles(base) {
  const r = await fetch(`${base}/api/projects/${slug}/files`, { headers: { Cookie: session } });
  if (!r.ok) throw new Error(`files: ${r.status}`);
  return r.json();
}

/** Saves through the API; returns path → content of the saves the server acknowledged. */
async function ackedSaves(base, label) {
  const acked = {};
  for (const f of (await draftFiles(base)).slice(0, 5)) {
    const content = `// saved before crash ${label}\n${f.path}\n`;
    if ((await save(base, f.path, content, f.revision)).revision !== null) acked[f.path] = content;
  }
  return { acked };
}

/**
 * Sends one save to each of BURST_FILES files, SAVE_GAP_MS apart, and SIGKILLs the server's process
 * group `killAfterMs` after the first: some are answered, the rest in flight, committed or not.
 */
async function burstAndKill(base, server, killAfterMs) {
  const files = (await draftFiles(base)).slice(-BURST_FILES);
  // What the files held before: the check accepts either that or the unanswered save, nothing else.
  const before = Object.fromEntries(await Promise.all(files.map(async (f) => {
    const r = await fetch(saveUrl(base, f.path), { headers: { Cookie: session } });
    return [f.path, (await r.json()).content];
  })));
  const acked = {}, revisions = {}, unanswered = {}, refused = [];
  let killed = false;
  const sentAt = Date.now();
  const saves = files.map(async (f, i) => {
    await sleep(i * SAVE_GAP_MS);
    if (killed) return;
    const content = `// burst save of ${f.path}\n${"y".repeat(2000)}\n`;
    unanswered[f.path] = [before[f.path], content];
    const { status, revision } = await save(base, f.path, content, f.revision).catch(() => ({ status: 0, revision: null }));
    if (killed) return;
    // Each file is saved once, on the revision it had: anything but an acknowledgement is a failure.
    if (revision === null) return void (status !== 0 && refused.push(`${f.path}: ${status}`));
    acked[f.path] = content;
    revisions[f.path] = revision;
    delete unanswered[f.path];
  });
  await sleep(killAfterMs);
  killed = true;
  const killedAfterMs = Date.now() - sentAt;
  await killGroup(server, "SIGKILL");
  await Promise.all(saves);
  if (refused.length > 0) throw new Error(`saves in the burst were refused before the kill: ${refused.join(", ")}`);
  return {
    expect: { acked, revisions, unanswered },
    killedAfterMs,
    sent: Object.keys(acked).length + Object.keys(unanswered).length,
    answered: Object.keys(acked).length,
  };
}

/**
 * Clicks `submit` in the UI and SIGKILLs the server's process group `when` ms after the POST carrying
 * `marker` was sent, or right after it was answered (`ack`).
 */
async function submitAndKill(page, server, marker, submit, when) {
  let sentAt = 0;
  const ours = (q) => q.method() === "POST" && (q.postData() ?? "").includes(marker);
  const sent = new Promise((r) => page.on("request", (q) => { if (ours(q)) { sentAt = Date.now(); r(); } }));
  // Next sends a server action's response once the action has returned, that is after the commit.
  const answered = new Promise((r) => page.on("response", (q) => {
    if (ours(q.request())) r({ answeredMs: Date.now() - sentAt, status: q.status() });
  }));
  await submit.click();
  await sent;
  if (when === "ack") await answered;
  else await sleep(Number(when));
  const killedAfterMs = Date.now() - sentAt;
  await killGroup(server, "SIGKILL");
  return { killedAfterMs, ...(await Promise.race([answered, sleep(0).then(() => ({}))])) };
}

/** Deploys Latest Draft to development through the UI and kills the server `when` after its request. */
async function deployAndKill(page, base, server, when) {
  await page.goto(`${base}/projects/${slug}`);
  await page.getByRole("banner").getByRole("button", { name: "Deploy", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Deploy / });
  await dialog.waitFor();
  const env = dialog.getByRole("combobox", { name: "Environment" });
  if (await env.count()) await env.selectOption({ label: "development" });
  const name = `crash-deploy-${when}`;
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  return submitAndKill(page, server, name, dialog.getByRole("button", { name: "Deploy", exact: true }), when);
}

/** Creates a version of the draft through Version History's Create version and kills the server `when` after its request. */
async function createVersionAndKill(page, base, server, when) {
  await page.goto(`${base}/projects/${slug}`);
  await page.getByRole("button", { name: "Version History" }).click();
  await page.getByRole("dialog", { name: /Version History/i }).getByRole("button", { name: "Create version" }).click();
  const dialog = page.getByRole("dialog", { name: "Create version" });
  const name = `crash-version-${when}`;
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  return submitAndKill(page, server, name, dialog.getByRole("button", { name: "Create version" }), when);
}

async function crashRun(browser, template, killPoint) {
  const [kind, when] = killPoint.split(":");
  const runStarted = Date.now();
  const dataDir = tempDir("draftline-crash-");
  const result = { killPoint, ok: false };
  let server;
  const page = kind === "saves" ? null : await browser.newPage();
  try {
    cpSync(template, dataDir, { recursive: true });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startServer(dataDir, port);
    await waitHealthy(base, server);
    await signIn(base);
    if (page) {
      const [name, value] = [session.slice(0, session.indexOf("=")), session.slice(session.indexOf("=") + 1)];
      await page.context().addCookies([{ name, value, url: base }]);
    }
    let expected;
    if (kind === "saves") {
      const { expect, ...burst } = await burstAndKill(base, server, Number(when));
      expected = expect;
      Object.assign(result, burst);
    } else {
      expected = await ackedSaves(base, killPoint);
      result.acked = Object.keys(expected.acked).length;
      const kill = kind === "deploy" ? deployAndKill : createVersionAndKill;
      Object.assign(result, await kill(page, base, server, when));
    }

    // Restart on the same folder: it must start, open the database and take a save whose revision
    // comes after every stored one (the sequence never went back) on top of an acknowledged save.
    server = startServer(dataDir, port);
    await waitHealthy(base, server);
    const after = await draftFiles(base);
    const [savedPath] = Object.keys(expected.revisions ?? {});
    if (savedPath) {
      const content = `// saved after the restart\n${savedPath}\n`;
      const { revision } = await save(base, savedPath, content, expected.revisions[savedPath]);
      const newest = Math.max(...after.map((f) => f.revision));
      if (revision === null) throw new Error(`a save on top of the acknowledged save of ${savedPath} was refused after the restart`);
      if (!(revision > newest)) throw new Error(`a save after the restart got revision ${revision}, not after the stored ${newest}`);
      expected.acked[savedPath] = content;
      expected.revisions[savedPath] = revision;
    }
    await killGroup(server, "SIGTERM");

    const expectFile = path.join(dataDir, "expect.json");
    writeFileSync(expectFile, JSON.stringify({ slug, kind, ...expected }));
    let out;
    try { out = db("check", dataDir, expectFile); result.ok = true; } catch (e) { out = e.stdout; }
    Object.assign(result, JSON.parse(out.trim().split("\n").pop()));
    if (kind === "saves") {
      result.outcome = `${result.answered} of ${result.sent} saves sent were acknowledged before the kill, ${result.unansweredLanded} of the ${result.unanswered} unanswered ones committed`;
    } else {
      result.outcome = result.versions === 0 ? "killed before the commit" : "killed after the commit";
      if (result.status !== undefined && result.status !== 200) {
        result.ok = false;
        result.failures.push(`the ${kind} was answered with ${result.status}`);
      } else if (when === "ack" && result.versions !== 1) {
        result.ok = false;
        result.failures.push(`the ${kind} was acknowledged but its version is gone`);
      }
    }
  } catch (e) {
    result.ok = false;
    result.error = String(e?.stack ?? e);
  } finally {
    await page?.close();
    if (server) await killGroup(server, "SIGKILL");
    removeTempDir(dataDir);
  }
  result.seconds = Math.round((Date.now() - runStarted) / 100) / 10;
  return result;
}

const started = Date.now();
// The servers and the seeding helper (which inherit this environment) keep their generated
// secret key in a throwaway folder, never in the real home.
process.env.DRAFTLINE_SECRET_KEY_FILE = path.join(tempDir("draftline-crash-config-"), "secret.key");
const template = tempDir("draftline-crash-template-");
db("seed", template, slug);
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
const results = [];
try {
  for (const killPoint of killPoints) {
    const result = await crashRun(browser, template, killPoint);
    results.push(result);
    console.log(JSON.stringify(result));
  }
} finally {
  await browser.close();
}
const failed = results.filter((r) => !r.ok);
// Each interrupted commit should have been caught on both sides, or the kill points need moving.
for (const kind of ["deploy", "version"]) {
  const outcomes = new Set(results.filter((r) => r.killPoint.startsWith(`${kind}:`) && r.ok).map((r) => r.outcome));
  if (outcomes.size === 1) console.log(`crash test: every ${kind} run was ${[...outcomes][0]}: the kill points did not cover both sides of the commit`);
}
console.log(`crash test: ${results.length - failed.length}/${results.length} kill points passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed.length ? 1 : 0);
