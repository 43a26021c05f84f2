import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./accounts";
import { BASE_URL } from "./base-url";
import { AccountPage } from "./pages/account";
import { WorkspacePage } from "./pages/workspace";
import { TEAM_PROJECT } from "./team-project";

/**
 * The real `draftline` binary against the production server, as a release manager's pipeline
 * or a builder's editor would use it: login with a token made in the account page, pull, edit,
 * push, a version, deploy to staging, roll back, and a push refused after an edit in the browser.
 * It works on the team's project, as the owner, so the sample project's specs see no change.
 */
test.use({ storageState: storageStatePath("owner") });

const run = promisify(execFile);
const API = `/api/projects/${TEAM_PROJECT.slug}`;
let home: string;

/** Runs `draftline …` with its own config folder; resolves to its output and exit code. */
async function draftline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.resolve("scripts/draftline.mjs"), ...args], {
      cwd: home,
      env: { ...process.env, DRAFTLINE_CONFIG_DIR: path.join(home, "config"), DRAFTLINE_SERVER: "", DRAFTLINE_TOKEN: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

async function ok(...args: string[]): Promise<string> {
  const result = await draftline(...args);
  expect(result, `draftline ${args.join(" ")}`).toMatchObject({ code: 0 });
  return result.stdout;
}

test.beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), "draftline-cli-"));
});

test.afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

test("login, pull, edit, push, version, deploy to staging, roll back, and a push refused after an edit in the browser", async ({ page, request }) => {
  test.setTimeout(180_000);
  const account = new AccountPage(page);
  await page.goto("/account");
  const token = await account.finishToken(await account.startToken(`cli-${Date.now()}`));

  const refused = await draftline("login", "--server", BASE_URL, "--token", "dl_not-a-real-token");
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/draftline: .*login/i);

  await ok("login", "--server", BASE_URL, "--token", token);
  expect((await stat(path.join(home, "config", "config.json"))).mode & 0o777, "the stored token is readable by its owner alone").toBe(0o600);
  expect(JSON.parse(await ok("projects", "--json")).projects.map((project: { slug: string }) => project.slug)).toContain(TEAM_PROJECT.slug);

  const dir = path.join(home, "work");
  await ok("pull", TEAM_PROJECT.slug, dir);
  const readme = path.join(dir, "README.md");
  expect(await readFile(readme, "utf8")).toContain("# Team sandbox");

  await writeFile(readme, "# Team sandbox\n\nEdited in my own editor.\n");
  await writeFile(path.join(dir, "notes.md"), "New from the command line\n");
  const status = JSON.parse(await ok("status", dir, "--json"));
  expect(status.local).toEqual({ modified: ["README.md"], added: ["notes.md"], deleted: [] });
  expect(await ok("push", dir)).toContain("Pushed 2 changes");
  const onServer = await (await request.get(`${API}/files/content?path=README.md`)).json();
  expect(onServer.content).toBe("# Team sandbox\n\nEdited in my own editor.\n");
  expect(await ok("push", dir)).toContain("Nothing to push");

  const first = `cli-first-${Date.now()}`;
  await ok("versions", "create", "--project", TEAM_PROJECT.slug, "--name", first, "--description", "From the CLI");
  expect(JSON.parse(await ok("versions", "list", "--project", TEAM_PROJECT.slug, "--json")).items[0].name).toBe(first);
  expect(await ok("deploy", first, "--env", "staging", "--project", TEAM_PROJECT.slug)).toContain(`Deployed`);

  await writeFile(readme, "# Team sandbox\n\nSecond change.\n");
  await ok("push", dir);
  const second = `cli-second-${Date.now()}`;
  const deployed = JSON.parse(await ok("deploy", "--latest-draft", "--name", second, "--env", "staging", "--project", TEAM_PROJECT.slug, "--json"));
  expect(deployed).toMatchObject({ outcome: "deployed", version: { name: second } });
  expect(await ok("versions", "diff", first, second, "--project", TEAM_PROJECT.slug)).toContain("README.md");

  expect(await ok("rollback", "--env", "staging", "--project", TEAM_PROJECT.slug)).toContain(first);
  const environments = (await (await request.get(`${API}/environments`)).json()) as Array<{ name: string; activeVersion: { name: string } | null }>;
  expect(environments.find((environment) => environment.name === "staging")?.activeVersion?.name).toBe(first);

  // Someone edits README.md in the browser; the local edit of the same file must not overwrite it.
  const workspace = new WorkspacePage(page);
  await page.goto(`/projects/${TEAM_PROJECT.slug}?file=README.md`);
  await workspace.typeAtStart("Browser line. ");
  await workspace.expectSaved();
  await writeFile(readme, "# Team sandbox\n\nMy local edit.\n");
  const conflict = await draftline("push", dir);
  expect(conflict.code).toBe(1);
  expect(conflict.stderr).toContain("README.md");
  expect(conflict.stderr).toMatch(/since your last pull/);
  const kept = await (await request.get(`${API}/files/content?path=README.md`)).json();
  expect(kept.content).toContain("Browser line. ");

  const jsonRefusal = await draftline("push", dir, "--json");
  expect(JSON.parse(jsonRefusal.stdout)).toMatchObject({ error: { code: "conflict", details: { files: ["README.md"] } } });
});
