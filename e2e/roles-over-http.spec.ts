import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { can, refusalMessage, ROLES, type Operation, type Role } from "@/lib/auth/roles";
import { storageStatePath, type AccountRole } from "./accounts";
import { API, projectSnapshot, versionNamed } from "./api";
import { BASE_URL, SAME_ORIGIN } from "./base-url";
import { WorkspacePage } from "./pages/workspace";
import { actionIds, actionResult, captureAction, encodeArgs, sendAction, type CapturedAction } from "./server-actions";
import { TEAM_PROJECT } from "./team-project";

/**
 * Invariant 8 the way people and attackers arrive: over HTTP to the production server, with the
 * real session cookies of each role (the setup project's storage states), as a signed-in
 * stranger, signed out, and with a made-up session cookie. app/authorization.test.ts proves the
 * role table with the session mocked; this proves the session and membership lookup behind the
 * real transport agrees with `can` for every server action and every project route.
 *
 * Each action is sent with an input no schema accepts: the role is checked first, so an allowed
 * caller gets `invalid` and a refused one `forbidden` with the message naming who may, and
 * nothing can change either way. A few refusals are then sent with valid inputs, and the
 * projects read back unchanged.
 */

type Caller = Role | "stranger" | "signed out" | "forged session";
const CALLERS: Caller[] = [...ROLES, "stranger", "signed out", "forged session"];
const SAMPLE_SLUG = API.split("/").pop()!;
const TEAM_API = `/api/projects/${TEAM_PROJECT.slug}`;
const UNKNOWN_EXECUTION = randomUUID();
const NO_EXECUTION = "This execution does not exist in this environment.";

/** The operation each action declares in its `projectAction(...)`: what the server checks. */
function actionOperations(): Record<string, Operation> {
  const folder = "app/projects/[slug]/actions";
  const operations: Record<string, Operation> = {};
  for (const file of readdirSync(folder, { recursive: true }) as string[]) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
    const source = readFileSync(path.join(folder, file), "utf8");
    const name = /export const (\w+Action)\s*=/.exec(source)?.[1];
    const operation = /projectAction\(\s*"(\w+)"/.exec(source)?.[1];
    if (!name || !operation) throw new Error(`${file}: no "export const …Action = projectAction(…)"`);
    operations[name] = operation as Operation;
  }
  return operations;
}

const contexts: APIRequestContext[] = [];

/** A request context signed in as the caller (or not signed in at all). */
async function contextFor(caller: Caller | AccountRole): Promise<APIRequestContext> {
  const cookie = { name: SESSION_COOKIE, value: `${"f".repeat(32)}.${"g".repeat(44)}`, domain: "127.0.0.1", path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const };
  const storageState =
    caller === "signed out"
      ? { cookies: [], origins: [] }
      : caller === "forged session"
        ? { cookies: [cookie], origins: [] }
        : // A stranger is the demo admin, who is no member of the team's project.
          storageStatePath(caller === "stranger" ? "admin" : caller);
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState });
  contexts.push(context);
  return context;
}

test.afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.dispose()));
});

/** What a refused caller hears: strangers learn nothing about the project. */
function refusal(caller: Caller, operation: Operation): { code: string; status: number; message?: string } {
  if (caller === "signed out" || caller === "forged session") return { code: "unauthenticated", status: 401 };
  if (caller === "stranger") return { code: "not_found", status: 404 };
  return { code: "forbidden", status: 403, message: refusalMessage(operation) };
}

interface Ids {
  development: string;
  production: string;
  versionId: string;
  /** A settings revision of development, and a key set there. */
  settingsRevision: number;
  settingKey: string;
}

/** A request each project route answers 200 to, for its members: the query it needs. */
function routeQueries(ids: Ids): Record<string, string> {
  return {
    "activity/export": "?format=csv",
    compare: `?from=draft&to=${ids.versionId}`,
    "deployment-requests": "",
    "draft/changes": "?since=0",
    "draft/status": "",
    "draft/unchanged-since": "",
    "environments/[environmentId]/deploy-preview": "",
    "environments/[environmentId]/executions": "",
    "environments/[environmentId]/executions/[executionId]": "",
    "environments/[environmentId]/workflows": "",
    "environments/[environmentId]/history": "",
    "environments/[environmentId]/settings-comparison": `?versionId=${ids.versionId}`,
    "environments/[environmentId]/settings-revisions": "",
    "environments/[environmentId]/settings-revisions/compare": `?from=${ids.settingsRevision}&to=${ids.settingsRevision}`,
    "environments/[environmentId]/settings": "",
    "environments/[environmentId]/versions-run": `?versionIds=${ids.versionId}`,
    environments: "",
    "files/content": "?path=README.md",
    "settings-compare": `?key=${ids.settingKey}`,
    files: "",
    members: "",
    "versions/[versionId]/files": "?path=README.md",
    "versions/[versionId]/restore-preview": "",
    "versions/authors": "",
    "versions/names": "?name=anything",
    versions: "",
  };
}

/** Every route handler of a project, as its path under the project: a new one must be listed above. */
function projectRoutes(): string[] {
  const folder = "app/api/projects/[slug]";
  return (readdirSync(folder, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.dirname(file).split(path.sep).join("/"))
    .sort();
}

let ids: Ids;
let captured: CapturedAction;

test.beforeAll(async ({ request, browser }) => {
  const environments = (await (await request.get(`${API}/environments`)).json()) as Array<{ id: string; name: string }>;
  const byName = (name: string) => environments.find((environment) => environment.name === name)!.id;
  const versions = (await (await request.get(`${API}/versions?limit=1`)).json()) as { items: Array<{ id: string }> };
  const page = await browser.newPage();
  const workspace = new WorkspacePage(page);
  let versionId = versions.items[0]?.id;
  if (!versionId) {
    const name = `roles-${Date.now()}`;
    await workspace.open("README.md");
    await workspace.createVersion(name, "");
    versionId = (await versionNamed(request, name)).id;
  }
  // The headers a browser sends with a server action, caught (and kept from the server) once.
  captured = await captureAction(page, "roles");
  // A setting of development, so its settings have a revision to read.
  const development = byName("development");
  const settingKey = `ROLES_${Date.now()}`;
  const set = await sendAction(request, captured, actionIds().setEnvironmentSettingAction!, encodeArgs([SAMPLE_SLUG, { environmentId: development, key: settingKey, value: "v", isSecret: false, mode: "create" }]), BASE_URL);
  expect(actionResult(await set.text())).toMatchObject({ ok: true });
  const history = (await (await request.get(`${API}/environments/${development}/settings-revisions`)).json()) as { current: number };
  ids = { development, production: byName("production"), versionId, settingsRevision: history.current, settingKey };
  await page.close();
});

test("every project route answers each role, a stranger, the signed out and a forged session as the role table says", async () => {
  const queries = routeQueries(ids);
  expect(projectRoutes(), "every project route has a request listed in routeQueries").toEqual(Object.keys(queries).sort());
  const url = (api: string, route: string) =>
    `${api}/${route}${queries[route]}`.replace("[environmentId]", ids.development).replace("[versionId]", ids.versionId).replace("[executionId]", UNKNOWN_EXECUTION);
  for (const caller of CALLERS) {
    const request = await contextFor(caller);
    for (const route of projectRoutes()) {
      const response = await request.get(url(caller === "stranger" ? TEAM_API : API, route));
      const label = `${caller}: GET ${route}`;
      if (ROLES.includes(caller as Role)) {
        if (route.includes("[executionId]")) {
          // No run exists to read: a member gets past the role check to the execution's own 404.
          expect.soft(response.status(), label).toBe(404);
          expect.soft(((await response.json()) as { error?: { message?: string } }).error?.message, label).toBe(NO_EXECUTION);
        } else if (route.endsWith("/workflows") && response.status() === 409) {
          // Nothing deployed to development yet (this spec alone): past the role check to "nothing to run".
          expect.soft(((await response.json()) as { error?: { code?: string } }).error?.code, label).toBe("conflict");
        } else expect.soft(response.status(), label).toBe(200);
        continue;
      }
      const expected = refusal(caller, "read");
      expect.soft(response.status(), label).toBe(expected.status);
      expect.soft(((await response.json()) as { error?: { code?: string } }).error?.code, label).toBe(expected.code);
    }
    // The one route that writes: an autosave with a body no schema accepts.
    const save = await request.put(url(caller === "stranger" ? TEAM_API : API, "files/content"), {
      headers: { "content-type": "application/json", ...SAME_ORIGIN },
      data: "null",
    });
    const allowed = ROLES.includes(caller as Role) && can(caller as Role, "edit");
    expect.soft(save.status(), `${caller}: PUT files/content`).toBe(allowed ? 400 : refusal(caller, "edit").status);
  }
});

test("every server action answers each role, a stranger, the signed out and a forged session as the role table says", async ({ request: admin }) => {
  test.setTimeout(120_000);
  const operations = actionOperations();
  const idsByName = actionIds();
  expect(Object.keys(idsByName).sort(), "the build has every action file's action").toEqual(Object.keys(operations).sort());
  const before = { sample: await projectSnapshot(admin), team: await projectSnapshot(await contextFor("owner"), TEAM_API) };
  for (const caller of CALLERS) {
    const request = await contextFor(caller);
    const slug = caller === "stranger" ? TEAM_PROJECT.slug : SAMPLE_SLUG;
    for (const [name, operation] of Object.entries(operations)) {
      const response = await sendAction(request, captured, idsByName[name]!, encodeArgs([slug, 42]), BASE_URL);
      const label = `${caller}: ${name} (${operation})`;
      expect.soft(response.status(), label).toBe(200);
      const error = actionResult(await response.text())?.error;
      if (ROLES.includes(caller as Role) && can(caller as Role, operation)) {
        expect.soft(error?.code, `${label}, allowed: past the role check to the input's check`).toBe("invalid");
        continue;
      }
      const expected = refusal(caller, operation);
      expect.soft(error?.code, label).toBe(expected.code);
      if (expected.message) expect.soft(error?.message, label).toBe(expected.message);
    }
  }
  expect(await projectSnapshot(admin), "the sample project after every call").toEqual(before.sample);
  expect(await projectSnapshot(await contextFor("owner"), TEAM_API), "the team's project after every call").toEqual(before.team);
});

test("refused calls with valid inputs change nothing", async ({ request: admin }) => {
  const before = await projectSnapshot(admin);
  const cases: Array<[Caller, string, unknown]> = [
    ["viewer", "createVersionAction", { name: `viewer-${Date.now()}`, description: "" }],
    ["viewer", "createFileAction", { path: "viewer.txt", content: "x" }],
    ["viewer", "deployVersionAction", { environmentId: ids.production, versionId: ids.versionId, confirmed: true }],
    ["viewer", "setEnvironmentSettingAction", { environmentId: ids.development, key: "VIEWER_KEY", value: "v", isSecret: false, mode: "create" }],
    ["builder", "setRequiredApprovalsAction", { environmentId: ids.production, requiredApprovals: 0 }],
    ["builder", "createInviteAction", { email: "builder-invites@example.com", role: "admin" }],
    ["release_manager", "setNamingConventionAction", "date"],
    ["signed out", "deployVersionAction", { environmentId: ids.production, versionId: ids.versionId, confirmed: true }],
    ["forged session", "createVersionAction", { name: `forged-${Date.now()}`, description: "" }],
  ];
  const idsByName = actionIds();
  for (const [caller, name, input] of cases) {
    const request = await contextFor(caller);
    const response = await sendAction(request, captured, idsByName[name]!, encodeArgs([SAMPLE_SLUG, input]), BASE_URL);
    const error = actionResult(await response.text())?.error;
    expect.soft(error?.code, `${caller}: ${name}`).toBe(caller === "signed out" || caller === "forged session" ? "unauthenticated" : "forbidden");
  }
  expect(await projectSnapshot(admin), "the project after the refused calls").toEqual(before);
});
