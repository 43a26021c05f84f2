import { beforeAll, describe, expect, it, vi } from "vitest";
import { stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import type { Result } from "@/lib/result";
import { deployLatestDraftAction } from "./actions/deployments/deploy-latest-draft";
import { deployVersionAction } from "./actions/deployments/deploy-version";
import { promoteEnvironmentAction } from "./actions/deployments/promote-environment";
import { rollbackEnvironmentAction } from "./actions/deployments/rollback-environment";
import { rollForwardEnvironmentAction } from "./actions/deployments/roll-forward-environment";
import { deleteEnvironmentSettingAction } from "./actions/environments/delete-environment-setting";
import { setEnvironmentSettingAction } from "./actions/environments/set-environment-setting";
import { createFileAction } from "./actions/files/create-file";
import { deletePathAction } from "./actions/files/delete-path";
import { renamePathAction } from "./actions/files/rename-path";
import { setNamingConventionAction } from "./actions/settings/set-naming-convention";
import { createVersionAction } from "./actions/versions/create-version";
import { changeMemberRoleAction } from "./actions/members/change-member-role";
import { createInviteAction } from "./actions/members/create-invite";
import { removeMemberAction } from "./actions/members/remove-member";
import { revokeInviteAction } from "./actions/members/revoke-invite";
import { createProjectAction } from "@/app/actions/projects/create-project";
import { restoreVersionAction } from "./actions/versions/restore-version";
import { sessionCookieFor } from "@/lib/testing/session-cookie";
import { everything as digestTables, setupActionsProject, SLUG } from "./actions-fixture";

/**
 * Every server action, called as a hostile client could call it (the browser's checks
 * bypassed): each field of a valid request replaced in turn by a wrong type, a missing
 * value, an unknown or another project's id, a 10 MB string, a path escaping the project,
 * NUL and control characters, a lone surrogate, a name differing only in case. Each answer
 * must be a typed error with a short message, and no table may change.
 */
stubTestSecretKey();
// Outside a Next request there is no cache to revalidate; the settings action asks for it.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Signed in as the owner (an admin everywhere): this file attacks the input, not the roles.
// Project actions read the session of the request's cookie; the one outside a project asks getSignedInUser.
const signedIn = { id: "", name: "Olga Owner", email: "olga@example.com", isOwner: true };
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders, cookies: async () => ({ get: () => undefined, set: () => undefined }) }));
vi.mock("@/app/_entry/signed-in-user", () => ({ getSignedInUser: async () => signedIn }));

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const TEN_MB = "x".repeat(10 * 1024 * 1024);
const WRONG_TYPES = [undefined, null, 42, true, [], {}];
const HOSTILE_TEXT = ["a\u0000b", "bell\u0007", "\ud800", TEN_MB];
const BAD_IDS = [...WRONG_TYPES, "", "../x", ...HOSTILE_TEXT, UNKNOWN_ID];
const BAD_SLUGS = [...WRONG_TYPES, "", "no-such-project", "Order Sync", ...HOSTILE_TEXT];
const BAD_PATHS = [...WRONG_TYPES, "", "../escape.ts", "/etc/passwd", "a\u0000b.ts", "bell\u0007.ts", "\ud800.ts", TEN_MB];
const BAD_NAMES = [...WRONG_TYPES, "", " ", ...HOSTILE_TEXT];
const BAD_DESCRIPTIONS = [null, 42, [], {}, "a\u0000b", "\ud800", TEN_MB];
const ERROR_CODES = ["invalid", "conflict", "not_found", "forbidden", "too_large"];

const fixture = setupActionsProject();
const ids = fixture.ids;
const everything = () => digestTables(fixture.db);
beforeAll(async () => {
  signedIn.id = (await fixture.db.user.create({ data: { name: signedIn.name, email: signedIn.email, isOwner: true } })).id;
  requestHeaders = new Headers({ cookie: await sessionCookieFor(fixture.db, signedIn.id) });
});

interface ActionCase {
  name: string;
  valid: () => Record<string, unknown>;
  call: (input: Record<string, unknown>) => Promise<Result<unknown>>;
  hostile: () => Record<string, unknown[]>;
}

// Actions take their input as the browser sends it; the casts stand for a client that lies.
/* eslint-disable @typescript-eslint/no-explicit-any */
const ACTIONS: ActionCase[] = [
  {
    name: "createVersionAction",
    valid: () => ({ slug: SLUG, name: "release-2.0", description: "next" }),
    call: ({ slug, ...input }) => createVersionAction(slug as any, input as any),
    hostile: () => ({ slug: BAD_SLUGS, name: [...BAD_NAMES, "RELEASE-1.0"], description: BAD_DESCRIPTIONS }),
  },
  {
    name: "setNamingConventionAction",
    valid: () => ({ slug: SLUG, convention: "date" }),
    call: ({ slug, convention }) => setNamingConventionAction(slug as any, convention as any),
    hostile: () => ({ slug: BAD_SLUGS, convention: [...WRONG_TYPES, "", "Date", "calendar", ...HOSTILE_TEXT] }),
  },
  {
    name: "renamePathAction",
    valid: () => ({ slug: SLUG, from: "src/a.ts", to: "src/b.ts" }),
    call: ({ slug, ...input }) => renamePathAction(slug as any, input as any),
    hostile: () => ({ slug: BAD_SLUGS, from: [...BAD_PATHS, "missing.ts"], to: [...BAD_PATHS, "README.md", "readme.md", "src/a.ts/b.ts"] }),
  },
  {
    name: "deployLatestDraftAction",
    valid: () => ({ slug: SLUG, environmentId: ids.staging, name: "release-3.0", description: "" }),
    call: ({ slug, ...input }) => deployLatestDraftAction(slug as any, input as any),
    hostile: () => ({
      slug: BAD_SLUGS,
      environmentId: [...BAD_IDS, ids.foreignEnvironment, ids.production],
      name: [...BAD_NAMES, "Release-1.0"],
      description: BAD_DESCRIPTIONS,
      confirmed: ["yes", 1],
    }),
  },
  {
    name: "createFileAction",
    valid: () => ({ slug: SLUG, path: "src/new.ts", content: "new\n" }),
    call: ({ slug, ...input }) => createFileAction(slug as any, input as any),
    hostile: () => ({
      slug: BAD_SLUGS,
      path: [...BAD_PATHS, "README.md", "readme.md", "SRC/new.ts", "README.md/inner.ts"],
      content: [null, 42, [], {}, "a\u0000b", "\ud800", TEN_MB],
    }),
  },
  {
    name: "deletePathAction",
    valid: () => ({ slug: SLUG, path: "src/new.ts" }),
    call: ({ slug, ...input }) => deletePathAction(slug as any, input as any),
    hostile: () => ({ slug: BAD_SLUGS, path: [...BAD_PATHS, "missing.ts", "SRC/A.TS"] }),
  },
  {
    name: "deployVersionAction",
    valid: () => ({ slug: SLUG, environmentId: ids.staging, versionId: ids.older }),
    call: ({ slug, ...input }) => deployVersionAction(slug as any, input as any),
    hostile: () => ({
      slug: BAD_SLUGS,
      environmentId: [...BAD_IDS, ids.foreignEnvironment, ids.production],
      versionId: [...BAD_IDS, ids.foreignVersion],
    }),
  },
  {
    name: "promoteEnvironmentAction",
    valid: () => ({ slug: SLUG, fromEnvironmentId: ids.development, toEnvironmentId: ids.staging, expectedVersionId: ids.version }),
    call: ({ slug, ...input }) => promoteEnvironmentAction(slug as any, input as any),
    hostile: () => ({
      slug: BAD_SLUGS,
      fromEnvironmentId: [...BAD_IDS, ids.foreignEnvironment, ids.staging],
      toEnvironmentId: [...BAD_IDS, ids.foreignEnvironment, ids.production, ids.development],
      expectedVersionId: [...BAD_IDS, ids.foreignVersion, ids.older],
    }),
  },
  {
    name: "rollbackEnvironmentAction",
    // expectedVersionId is the version the user was shown as the one to go back to.
    valid: () => ({ slug: SLUG, environmentId: ids.development, expectedVersionId: ids.older }),
    call: ({ slug, ...input }) => rollbackEnvironmentAction(slug as any, input as any),
    hostile: () => ({
      slug: BAD_SLUGS,
      environmentId: [...BAD_IDS, ids.foreignEnvironment, ids.staging],
      expectedVersionId: [...BAD_IDS, ids.foreignVersion, ids.version],
    }),
  },
  {
    name: "rollForwardEnvironmentAction",
    // Production runs the older version after a rollback from the newer one.
    valid: () => ({ slug: SLUG, environmentId: ids.production, expectedVersionId: ids.version, confirmed: true }),
    call: ({ slug, ...input }) => rollForwardEnvironmentAction(slug as any, input as any),
    hostile: () => ({
      slug: BAD_SLUGS,
      environmentId: [...BAD_IDS, ids.foreignEnvironment, ids.development],
      expectedVersionId: [...BAD_IDS, ids.foreignVersion, ids.older],
      confirmed: [undefined, false, "yes", 1],
    }),
  },
  {
    name: "restoreVersionAction",
    valid: () => ({ slug: SLUG, versionId: ids.older, saveBackup: true }),
    call: ({ slug, ...input }) => restoreVersionAction(slug as any, input as any),
    hostile: () => ({ slug: BAD_SLUGS, versionId: [...BAD_IDS, ids.foreignVersion], saveBackup: [undefined, null, "yes", 1] }),
  },
  {
    name: "setEnvironmentSettingAction",
    valid: () => ({ slug: SLUG, environmentId: ids.development, key: "ERP_URL", value: "https://erp.example", isSecret: false, mode: "create" }),
    call: ({ slug, ...input }) => setEnvironmentSettingAction(slug as any, input as any),
    hostile: () => ({
      slug: BAD_SLUGS,
      environmentId: [...BAD_IDS, ids.foreignEnvironment],
      key: [...WRONG_TYPES, "", "1ERP", "has space", "API_TOKEN", ...HOSTILE_TEXT],
      value: [null, 42, [], "a\u0000b", "\ud800", TEN_MB],
      isSecret: ["yes", 1],
      mode: [undefined, "upsert", 42],
    }),
  },
  {
    name: "deleteEnvironmentSettingAction",
    valid: () => ({ slug: SLUG, environmentId: ids.development, key: "API_TOKEN" }),
    call: ({ slug, ...input }) => deleteEnvironmentSettingAction(slug as any, input as any),
    hostile: () => ({
      slug: BAD_SLUGS,
      environmentId: [...BAD_IDS, ids.foreignEnvironment, ids.staging],
      key: [...WRONG_TYPES, "", "api_token", "MISSING", ...HOSTILE_TEXT],
    }),
  },
  {
    name: "createInviteAction",
    valid: () => ({ slug: SLUG, email: "new.person@example.com", role: "builder" }),
    call: ({ slug, ...input }) => createInviteAction(slug as any, input as any),
    hostile: () => ({
      slug: BAD_SLUGS,
      email: [...WRONG_TYPES, "", "no-at-sign", "a@b", "two@@example.com", "a b@example.com", "a\u0000@example.com", "\ud800@example.com", `${TEN_MB}@x.io`],
      role: [...WRONG_TYPES, "", "owner", "Admin", ...HOSTILE_TEXT],
    }),
  },
  {
    name: "changeMemberRoleAction",
    valid: () => ({ slug: SLUG, userId: ids.builder, role: "release_manager" }),
    call: ({ slug, ...input }) => changeMemberRoleAction(slug as any, input as any),
    hostile: () => ({
      slug: BAD_SLUGS,
      // Ann is the only admin: demoting her would leave the project without one.
      userId: [...BAD_IDS, ids.foreignMember, ids.admin],
      role: [...WRONG_TYPES, "", "owner", "Builder", ...HOSTILE_TEXT],
    }),
  },
  {
    name: "revokeInviteAction",
    valid: () => ({ slug: SLUG, inviteId: ids.invite }),
    call: ({ slug, ...input }) => revokeInviteAction(slug as any, input as any),
    hostile: () => ({ slug: BAD_SLUGS, inviteId: [...BAD_IDS, ids.foreignInvite] }),
  },
  {
    // Outside any project: the slug is ignored, the rest is the New project dialog's input.
    name: "createProjectAction",
    valid: () => ({ slug: SLUG, name: "Started here", template: "empty" }),
    call: ({ name, template }) => createProjectAction({ name, template } as any),
    hostile: () => ({ name: BAD_NAMES, template: [...WRONG_TYPES, "", "copy", "Sample", ...HOSTILE_TEXT] }),
  },
  {
    name: "removeMemberAction",
    valid: () => ({ slug: SLUG, userId: ids.builder }),
    call: ({ slug, ...input }) => removeMemberAction(slug as any, input as any),
    hostile: () => ({ slug: BAD_SLUGS, userId: [...BAD_IDS, ids.foreignMember, ids.admin] }),
  },
];
/* eslint-enable @typescript-eslint/no-explicit-any */

const shown = (bad: unknown) => (typeof bad === "string" && bad.length > 40 ? `${bad.slice(0, 10)}… (${bad.length} chars)` : JSON.stringify(bad));

describe.each(ACTIONS)("$name refuses hostile input", (action) => {
  it("in every field, with a typed error and no change to any table", async () => {
    for (const [field, values] of Object.entries(action.hostile())) {
      for (const bad of values) {
        const before = await everything();
        const input = { ...action.valid(), [field]: bad };
        if (bad === undefined) delete input[field];
        const result = await action.call(input);
        const context = `${field} = ${shown(bad)}`;
        expect(result.ok, context).toBe(false);
        if (result.ok) continue;
        expect(ERROR_CODES, context).toContain(result.error.code);
        expect(result.error.message.length, context).toBeGreaterThan(0);
        expect(result.error.message.length, `${context}: ${result.error.message.slice(0, 80)}`).toBeLessThan(300);
        expect(await everything(), context).toEqual(before);
      }
    }
  });

  it("as a whole: not an object, or an empty one", async () => {
    for (const bad of [undefined, null, 42, "text", [], {}] as unknown[]) {
      const before = await everything();
      const whole = typeof bad === "object" && bad !== null && !Array.isArray(bad) ? (bad as Record<string, unknown>) : { slug: bad };
      const result = await action.call(whole);
      expect(result.ok, shown(bad)).toBe(false);
      expect(await everything(), shown(bad)).toEqual(before);
    }
  });
});

describe("the valid requests these cases start from", () => {
  // In this order each one is valid in the state the ones before it leave.
  it("succeed, so each refusal above is the hostile field's doing", async () => {
    for (const action of ACTIONS) {
      const result = await action.call(action.valid());
      expect(result, action.name).toMatchObject({ ok: true });
    }
  });
});
