import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { resolveProjectActor } from "@/app/_entry/resolve-actor";
import { getSignedInUser, type SignedInUser } from "@/app/_entry/signed-in-user";
import type { ProjectActor } from "@/lib/auth/actor";
import { ROLES, type Role } from "@/lib/auth/roles";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { fail, ok, type Result } from "@/lib/result";
import { stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import { TOKEN_LIFETIMES } from "@/lib/tokens/schemas";
import { value } from "@/lib/testing/harness";
import { newMember, newUser } from "@/lib/testing/people";
import { everything, setupActionsProject, SLUG, succeededInDevelopment } from "./projects/[slug]/actions-fixture";

/**
 * Invariant 8, as a table: every server action and every route handler of a project, called
 * as each role, as a signed-in stranger (not a member) and signed out. The table says who may
 * (DESIGN.md, "People, roles and approvals"); a refused call must answer with the right code and
 * change no row. Who the caller is comes from resolveProjectActor, mocked here; its own tests cover
 * sessions and memberships. A new action or route file without a row here fails the test.
 */
stubTestSecretKey();
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/app/_entry/resolve-actor", () => ({ resolveProjectActor: vi.fn() }));
vi.mock("@/app/_entry/signed-in-user", () => ({ getSignedInUser: vi.fn() }));

type Caller = Role | "stranger" | "signed out";
const CALLERS: Caller[] = [...ROLES, "stranger", "signed out"];

/** One person per role: requests and approvals tell people apart by id. */
const people = {} as Record<Role, { id: string; name: string }>;

function actAs(caller: Caller) {
  const resolved: Result<ProjectActor> =
    caller === "signed out"
      ? fail("unauthenticated", "Sign in to continue.")
      : caller === "stranger"
        ? fail("not_found", `There is no project "${SLUG}".`)
        : ok({ ...people[caller], role: caller });
  vi.mocked(resolveProjectActor).mockImplementation(async (db, slug) => {
    const project = await getProjectBySlug(db, slug);
    if (!project.ok) return project;
    return resolved.ok ? ok({ project: project.value, actor: resolved.value }) : resolved;
  });
}

/** The code a refused caller gets: strangers learn nothing about the project. */
function refusalCode(caller: Caller): string {
  return caller === "signed out" ? "unauthenticated" : caller === "stranger" ? "not_found" : "forbidden";
}

const fixture = setupActionsProject();
const ids = fixture.ids;
beforeAll(async () => {
  for (const role of ROLES) people[role] = await newUser(fixture.db, `A ${role}`);
});

/** A pending request by Bob (a builder) to deploy a version to production, which the table protects first; one at a time. */
async function requestByBob(): Promise<string> {
  const pending = await fixture.db.deploymentRequest.findFirst({ where: { environmentId: ids.production, requestedById: ids.builder, status: "pending" } });
  if (pending) return pending.id;
  const active = await fixture.db.environment.findUniqueOrThrow({ where: { id: ids.production } });
  const versionId = active.activeVersionId === ids.version ? ids.older : ids.version;
  const requested = value(
    await deployVersion(fixture.db, { projectId: ids.project, environmentId: ids.production, versionId, author: "Bob", authorId: ids.builder, role: "builder" }),
  );
  if (requested.outcome !== "requested") throw new Error("production should be protected by now");
  return requested.request.id;
}

const EDITORS: Role[] = ["builder", "release_manager", "admin"];
const EVERYONE: Role[] = [...ROLES];

interface ActionRow {
  file: string;
  allowed: Role[];
  /** Makes what the call needs (someone else's request) before the snapshot of a refused call. */
  prepare?: () => Promise<string>;
  /** The call an allowed role makes; `turn` counts the allowed calls so far (0 for the first). */
  call: (turn: number, prepared: string) => Promise<Result<unknown>>;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- inputs as a client sends them */
const action = async (file: string, exportName: string, input: unknown, ...rest: unknown[]) => {
  const loaded = (await import(/* @vite-ignore */ path.join(import.meta.dirname, "projects/[slug]/actions", file))) as Record<string, (...args: any[]) => Promise<Result<unknown>>>;
  return loaded[exportName]!(SLUG, input, ...rest);
};
/* eslint-enable @typescript-eslint/no-explicit-any */

// In this order each first allowed call is valid in the state the ones before it leave.
const ACTIONS: ActionRow[] = [
  { file: "versions/create-version.ts", allowed: EDITORS, call: (turn) => action("versions/create-version.ts", "createVersionAction", { name: `matrix-${turn}`, description: "" }) },
  { file: "settings/set-naming-convention.ts", allowed: ["admin"], call: () => action("settings/set-naming-convention.ts", "setNamingConventionAction", "date") },
  { file: "settings/set-two-factor-requirement.ts", allowed: ["admin"], call: () => action("settings/set-two-factor-requirement.ts", "setTwoFactorRequirementAction", false) },
  { file: "files/rename-path.ts", allowed: EDITORS, call: (turn) => action("files/rename-path.ts", "renamePathAction", { from: turn === 0 ? "src/a.ts" : `src/b${turn - 1}.ts`, to: `src/b${turn}.ts` }) },
  {
    file: "deployments/deploy-latest-draft.ts",
    allowed: EDITORS,
    call: (turn) => action("deployments/deploy-latest-draft.ts", "deployLatestDraftAction", { environmentId: ids.staging, name: `matrix-draft-${turn}`, description: "" }),
  },
  { file: "files/create-file.ts", allowed: EDITORS, call: (turn) => action("files/create-file.ts", "createFileAction", { path: `src/new${turn}.ts`, content: "new\n" }) },
  { file: "files/delete-path.ts", allowed: EDITORS, call: (turn) => action("files/delete-path.ts", "deletePathAction", { path: `src/new${turn}.ts` }) },
  { file: "deployments/deploy-version.ts", allowed: EDITORS, call: () => action("deployments/deploy-version.ts", "deployVersionAction", { environmentId: ids.staging, versionId: ids.older }) },
  {
    file: "deployments/promote-environment.ts",
    allowed: EDITORS,
    call: () =>
      action("deployments/promote-environment.ts", "promoteEnvironmentAction", { fromEnvironmentId: ids.development, toEnvironmentId: ids.staging, expectedVersionId: ids.version }),
  },
  {
    file: "deployments/rollback-environment.ts",
    allowed: EDITORS,
    call: () => action("deployments/rollback-environment.ts", "rollbackEnvironmentAction", { environmentId: ids.development, expectedVersionId: ids.older }),
  },
  {
    file: "deployments/rollback-to-last-healthy.ts",
    allowed: EDITORS,
    // Development runs the older version after the row above; the newer one it ran before succeeded there.
    prepare: () => succeededInDevelopment(fixture.db, ids),
    call: () => action("deployments/rollback-to-last-healthy.ts", "rollbackToLastHealthyAction", { environmentId: ids.development, expectedVersionId: ids.version }),
  },
  {
    file: "deployments/roll-forward-environment.ts",
    allowed: EDITORS,
    call: () =>
      action("deployments/roll-forward-environment.ts", "rollForwardEnvironmentAction", { environmentId: ids.production, expectedVersionId: ids.version, confirmed: true }),
  },
  { file: "versions/restore-version.ts", allowed: EDITORS, call: () => action("versions/restore-version.ts", "restoreVersionAction", { versionId: ids.older, saveBackup: true }) },
  {
    file: "environments/set-environment-setting.ts",
    allowed: EDITORS,
    call: (turn) =>
      action("environments/set-environment-setting.ts", "setEnvironmentSettingAction", {
        environmentId: ids.development,
        key: `ERP_URL_${turn}`,
        value: "https://erp.example",
        isSecret: false,
        mode: "create",
      }),
  },
  {
    file: "environments/delete-environment-setting.ts",
    allowed: EDITORS,
    call: (turn) =>
      action("environments/delete-environment-setting.ts", "deleteEnvironmentSettingAction", {
        environmentId: ids.development,
        key: turn === 0 ? "API_TOKEN" : `ERP_URL_${turn}`,
      }),
  },
  {
    file: "executions/run-workflow.ts",
    allowed: EDITORS,
    call: () => action("executions/run-workflow.ts", "runWorkflowAction", { environmentId: ids.development, workflow: "hello", input: '{"n": 1}' }),
  },
  {
    file: "executions/regenerate-hook-token.ts",
    allowed: EDITORS,
    call: () => action("executions/regenerate-hook-token.ts", "regenerateHookTokenAction", { environmentId: ids.development }),
  },
  { file: "members/create-invite.ts", allowed: ["admin"], call: () => action("members/create-invite.ts", "createInviteAction", { email: "matrix@example.com", role: "viewer" }) },
  { file: "members/change-member-role.ts", allowed: ["admin"], call: () => action("members/change-member-role.ts", "changeMemberRoleAction", { userId: ids.builder, role: "release_manager" }) },
  { file: "members/revoke-invite.ts", allowed: ["admin"], call: () => action("members/revoke-invite.ts", "revokeInviteAction", { inviteId: ids.invite }) },
  { file: "members/remove-member.ts", allowed: ["admin"], call: () => action("members/remove-member.ts", "removeMemberAction", { userId: ids.builder }) },
  {
    file: "environments/set-required-approvals.ts",
    allowed: ["admin"],
    call: () => action("environments/set-required-approvals.ts", "setRequiredApprovalsAction", { environmentId: ids.production, requiredApprovals: 1 }),
  },
  { file: "requests/approve-request.ts", allowed: ["release_manager", "admin"], prepare: requestByBob, call: (_turn, requestId) => action("requests/approve-request.ts", "approveRequestAction", { requestId }) },
  { file: "requests/reject-request.ts", allowed: ["release_manager", "admin"], prepare: requestByBob, call: (_turn, requestId) => action("requests/reject-request.ts", "rejectRequestAction", { requestId, comment: "Not now" }) },
  {
    file: "requests/cancel-request.ts",
    allowed: EDITORS,
    // Each caller withdraws a request of their own, made through the deploy action as them.
    call: async () => {
      const versions = await fixture.db.version.findMany({ where: { projectId: ids.project }, select: { id: true } });
      const active = await fixture.db.environment.findUniqueOrThrow({ where: { id: ids.production } });
      const other = versions.find((candidate) => candidate.id !== active.activeVersionId)!;
      const requested = await action("deployments/deploy-version.ts", "deployVersionAction", { environmentId: ids.production, versionId: other.id, confirmed: true });
      if (!requested.ok) return requested;
      const { requestId } = requested.value as { requestId: string };
      return action("requests/cancel-request.ts", "cancelRequestAction", { requestId });
    },
  },
];

interface RouteRow {
  /** The route file under app/api/projects/[slug], and the method. */
  file: string;
  method: "GET" | "PUT";
  allowed: Role[];
  request: (turn: number) => Promise<{ url: string; params: Record<string, string>; init?: RequestInit }>;
}

const api = (rest: string) => `http://localhost/api/projects/${SLUG}/${rest}`;
const environmentRoute = (file: string, query = "") => ({
  file: `environments/[environmentId]/${file}`,
  method: "GET" as const,
  allowed: EVERYONE,
  request: async () => ({ url: api(`environments/${ids.development}/${file}${query}`), params: { environmentId: ids.development } }),
});
const plainRoute = (file: string, query = "") => ({
  file: file ? `${file}` : "",
  method: "GET" as const,
  allowed: EVERYONE,
  request: async () => ({ url: api(`${file}${query}`), params: {} }),
});

const ROUTES: RouteRow[] = [
  plainRoute("deployment-requests"),
  plainRoute("activity/export", "?format=csv"),
  plainRoute("compare", `?from=${"draft"}&to=${"draft"}`),
  plainRoute("draft/changes", "?since=0"),
  plainRoute("draft/status"),
  plainRoute("draft/unchanged-since"),
  plainRoute("environments"),
  environmentRoute("deploy-preview"),
  environmentRoute("history"),
  environmentRoute("executions", "?status=queued"),
  environmentRoute("workflows"),
  {
    file: "environments/[environmentId]/executions/[executionId]",
    method: "GET",
    allowed: EVERYONE,
    request: async () => {
      const execution = await fixture.db.execution.findFirstOrThrow({ where: { environmentId: ids.development } });
      return { url: api(`environments/${ids.development}/executions/${execution.id}`), params: { environmentId: ids.development, executionId: execution.id } };
    },
  },
  { ...environmentRoute("settings-comparison"), request: async () => ({ url: api(`environments/${ids.development}/settings-comparison?versionId=${ids.version}`), params: { environmentId: ids.development } }) },
  environmentRoute("settings"),
  environmentRoute("settings-revisions"),
  { ...environmentRoute("settings-revisions/compare"), request: async () => ({ url: api(`environments/${ids.development}/settings-revisions/compare?from=1&to=1`), params: { environmentId: ids.development } }) },
  plainRoute("settings-compare", "?key=ERP_API_TOKEN"),
  { ...environmentRoute("versions-run"), request: async () => ({ url: api(`environments/${ids.development}/versions-run?versionIds=${ids.version}`), params: { environmentId: ids.development } }) },
  plainRoute("files"),
  plainRoute("members"),
  plainRoute("files/content", "?path=README.md"),
  {
    file: "files/content",
    method: "PUT",
    allowed: EDITORS,
    request: async (turn) => {
      const readme = await fixture.db.draftFile.findUniqueOrThrow({ where: { projectId_path: { projectId: ids.project, path: "README.md" } } });
      const body = JSON.stringify({ content: `# Readme ${turn}\n`, baseRevision: readme.revision });
      return { url: api("files/content?path=README.md"), params: {}, init: { method: "PUT", body, headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" } } };
    },
  },
  {
    file: "versions/[versionId]/files",
    method: "GET",
    allowed: EVERYONE,
    request: async () => ({ url: api(`versions/${ids.version}/files?path=README.md`), params: { versionId: ids.version } }),
  },
  {
    file: "versions/[versionId]/restore-preview",
    method: "GET",
    allowed: EVERYONE,
    request: async () => ({ url: api(`versions/${ids.version}/restore-preview`), params: { versionId: ids.version } }),
  },
  plainRoute("versions/authors"),
  plainRoute("versions/names"),
  plainRoute("versions", "?limit=5"),
];

async function callRoute(row: RouteRow, turn: number): Promise<Response> {
  const { url, params, init } = await row.request(turn);
  const loaded = (await import(/* @vite-ignore */ path.join(import.meta.dirname, "api/projects/[slug]", row.file, "route.ts"))) as Record<
    string,
    (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
  >;
  return loaded[row.method]!(new Request(url, init), { params: Promise.resolve({ slug: SLUG, ...params }) });
}

async function filesUnder(folder: string, name: (file: string) => boolean): Promise<string[]> {
  const entries = await readdir(path.join(import.meta.dirname, folder), { recursive: true });
  return entries.filter(name).map((file) => file.split(path.sep).join("/")).sort();
}

/** Every row as every caller, each refusal snapshotting every table: minutes on a busy two-core machine. */
const TABLE_TIMEOUT_MS = 180_000;

describe("the authorization table", () => {
  it("has a row for every server action file and every route handler", async () => {
    const actionFiles = await filesUnder("projects/[slug]/actions", (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
    expect(ACTIONS.map((row) => row.file).sort()).toEqual(actionFiles);
    expect(await filesUnder("actions", (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))).toEqual(SIGNED_IN_ACTIONS);
    const routeFiles = await filesUnder("api/projects/[slug]", (file) => file.endsWith("route.ts"));
    const listed = [...new Set(ROUTES.map((row) => `${row.file}/route.ts`))].sort();
    expect(listed).toEqual(routeFiles);
  });

  it("lets exactly the allowed roles call each server action; a refused call changes no row", async () => {
    for (const row of ACTIONS) {
      for (const caller of CALLERS.filter((candidate) => !row.allowed.includes(candidate as Role))) {
        const prepared = (await row.prepare?.()) ?? "";
        actAs(caller);
        const before = await everything(fixture.db);
        const result = await row.call(0, prepared);
        const label = `${row.file} as ${caller}`;
        expect(result, label).toMatchObject({ ok: false, error: { code: refusalCode(caller) } });
        expect(await everything(fixture.db), label).toEqual(before);
      }
      for (const [turn, role] of row.allowed.entries()) {
        const prepared = (await row.prepare?.()) ?? "";
        actAs(role);
        const result = await row.call(turn, prepared);
        const label = `${row.file} as ${role}`;
        // The first allowed call is valid and succeeds; later ones may meet what it changed
        // (already active), but never a refusal of the caller.
        if (turn === 0) expect(result, label).toMatchObject({ ok: true });
        else if (!result.ok) expect(["forbidden", "unauthenticated"], `${label}: ${result.error.message}`).not.toContain(result.error.code);
      }
    }
  }, TABLE_TIMEOUT_MS);

  it("lets exactly the allowed roles call each route; a refused call changes no row", async () => {
    const STATUS: Record<string, number> = { forbidden: 403, unauthenticated: 401, not_found: 404 };
    for (const row of ROUTES) {
      for (const caller of CALLERS.filter((candidate) => !row.allowed.includes(candidate as Role))) {
        actAs(caller);
        const before = await everything(fixture.db);
        const response = await callRoute(row, 0);
        const label = `${row.method} ${row.file} as ${caller}`;
        expect(response.status, label).toBe(STATUS[refusalCode(caller)]);
        expect(await response.json(), label).toMatchObject({ error: { code: refusalCode(caller) } });
        expect(await everything(fixture.db), label).toEqual(before);
      }
      for (const [turn, role] of row.allowed.entries()) {
        actAs(role);
        const response = await callRoute(row, turn);
        expect(response.status, `${row.method} ${row.file} as ${role}: ${await response.clone().text()}`).toBe(200);
      }
    }
  }, TABLE_TIMEOUT_MS);
});

/** Actions outside any project (signedInAction), under app/actions: each has its cases below. */
const SIGNED_IN_ACTIONS = [
  "account/confirm-two-factor.ts",
  "account/disable-two-factor.ts",
  "account/start-two-factor.ts",
  "projects/create-project.ts",
  "tokens/create-access-token.ts",
  "tokens/revoke-access-token.ts",
];

describe("actions outside a project", () => {
  function signInAs(user: SignedInUser | null) {
    vi.mocked(getSignedInUser).mockResolvedValue(user);
  }
  const createProject = async (name: string) => {
    const { createProjectAction } = await import("./actions/projects/create-project");
    return createProjectAction({ name, template: "empty" });
  };

  it("createProjectAction: the owner and admins of a project may create one; other members, people without a project and the signed out may not", async () => {
    const asUser = async (user: { id: string; name: string; email: string }, isOwner = false): Promise<SignedInUser> => ({ ...user, isOwner });
    const owner = await asUser(await newUser(fixture.db, "Olive Owner"), true);
    const admin = await asUser(await newMember(fixture.db, ids.project, "admin", "Ada Admin"));
    const refused: [string, SignedInUser | null, string][] = [
      ["signed out", null, "unauthenticated"],
      ["nobody's member", await asUser(await newUser(fixture.db, "Nina Nomember")), "forbidden"],
    ];
    for (const role of ["viewer", "builder", "release_manager"] as const) {
      refused.push([role, await asUser(await newMember(fixture.db, ids.project, role, `A plain ${role}`)), "forbidden"]);
    }
    for (const [label, user, code] of refused) {
      signInAs(user);
      const before = await everything(fixture.db);
      expect(await createProject(`Refused ${label}`), label).toMatchObject({ ok: false, error: { code } });
      expect(await everything(fixture.db), label).toEqual(before);
    }
    for (const [label, user] of [["owner", owner], ["admin", admin]] as const) {
      signInAs(user);
      const created = await createProject(`Made by the ${label}`);
      expect(created, label).toMatchObject({ ok: true });
      const project = await fixture.db.project.findFirstOrThrow({ where: { name: `Made by the ${label}` } });
      expect(await fixture.db.projectMember.findFirst({ where: { projectId: project.id, userId: user.id } }), label).toMatchObject({ role: "admin" });
    }
  });

  it("the account page's actions refuse the signed out and change nothing (signed in, each acts on the caller's own account only)", async () => {
    const calls: [string, () => Promise<Result<unknown>>][] = [
      ["create token", async () => (await import("./actions/tokens/create-access-token")).createAccessTokenAction({ name: "ci", projectId: null, expiresInDays: TOKEN_LIFETIMES[0]! })],
      ["revoke token", async () => (await import("./actions/tokens/revoke-access-token")).revokeAccessTokenAction({ tokenId: randomUUID() })],
      ["start", async () => (await import("./actions/account/start-two-factor")).startTwoFactorAction({ password: "draftline-demo" })],
      ["confirm", async () => (await import("./actions/account/confirm-two-factor")).confirmTwoFactorAction({ code: "123456" })],
      ["disable", async () => (await import("./actions/account/disable-two-factor")).disableTwoFactorAction({ password: "draftline-demo" })],
    ];
    signInAs(null);
    for (const [label, call] of calls) {
      const before = await everything(fixture.db);
      expect(await call(), label).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
      expect(await everything(fixture.db), label).toEqual(before);
    }
  });
});
