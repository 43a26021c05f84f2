import { beforeAll, describe, expect, it } from "vitest";
import type { ApiCall } from "./api-test-client";
import { callApi } from "./api-test-client";
import { API_OPERATIONS } from "@/lib/api/v1/operations";
import { ROLES, type Role } from "@/lib/auth/roles";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import { value } from "@/lib/testing/harness";
import { newMember, newUser } from "@/lib/testing/people";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { everything, setupActionsProject, SLUG, succeededInDevelopment } from "@/app/projects/[slug]/actions-fixture";

/**
 * Invariant 8 for the token API, as a table: every operation of /api/v1 called with the token
 * of each role, of a person who is no member (404, as for no project) and with none (401).
 * The roles allowed are the operation's own `access` (lib/auth/roles.ts), the same as the UI's;
 * a refused call changes no row. An operation without a row here fails the test.
 */
stubTestSecretKey();
const fixture = setupActionsProject();
const ids = fixture.ids;
type Caller = Role | "stranger" | "no token";
const tokens = {} as Record<Role | "stranger", string>;

beforeAll(async () => {
  const make = async (user: { id: string; name: string }) =>
    value(await createAccessToken(fixture.db, { ...user, isOwner: false }, { name: "matrix", projectId: null, expiresInDays: 30 })).token;
  tokens.admin = await make({ id: ids.admin, name: "Ann" });
  tokens.builder = await make({ id: ids.builder, name: "Bob" });
  tokens.release_manager = await make(await newMember(fixture.db, ids.project, "release_manager", "Rae"));
  tokens.viewer = await make(await newMember(fixture.db, ids.project, "viewer", "Vic"));
  tokens.stranger = await make(await newUser(fixture.db, "Sam"));
  await fixture.db.environment.update({ where: { id: ids.production }, data: { requiredApprovals: 1 } });
});

/** A pending request by Bob to deploy to production (protected here), one at a time. */
async function requestByBob(): Promise<string> {
  const pending = await fixture.db.deploymentRequest.findFirst({ where: { environmentId: ids.production, status: "pending" } });
  if (pending) return pending.id;
  const active = await fixture.db.environment.findUniqueOrThrow({ where: { id: ids.production } });
  const versionId = active.activeVersionId === ids.version ? ids.older : ids.version;
  const requested = value(await deployVersion(fixture.db, { projectId: ids.project, environmentId: ids.production, versionId, author: "Bob", authorId: ids.builder, role: "builder" }));
  if (requested.outcome !== "requested") throw new Error("production should be protected");
  return requested.request.id;
}

const slug = { slug: SLUG };
const env = (environmentId: string) => ({ ...slug, environmentId });
type Row = (turn: number) => Promise<ApiCall>;

/** A valid call of each operation as the first allowed caller makes it; `turn` counts the allowed calls before. */
const CALLS: Record<string, Row> = {
  openApiDocument: async () => ({}),
  listProjects: async () => ({}),
  listDraftFiles: async () => ({ params: slug }),
  createDraftFile: async (turn) => ({ params: slug, body: { path: `matrix/${turn}.ts`, content: "m\n" } }),
  readDraftFile: async () => ({ params: slug, query: { path: "README.md" } }),
  writeDraftFile: async (turn) => {
    const file = await fixture.db.draftFile.findUniqueOrThrow({ where: { projectId_path: { projectId: ids.project, path: "README.md" } } });
    return { params: slug, query: { path: "README.md" }, body: { content: `# ${turn}\n` }, headers: { "if-match": `"${file.revision}"` } };
  },
  deleteDraftPath: async (turn) => ({ params: slug, query: { path: `matrix/${turn}.ts` } }),
  renameDraftPath: async (turn) => ({ params: slug, body: { from: turn === 0 ? "src/a.ts" : `src/m${turn - 1}.ts`, to: `src/m${turn}.ts` } }),
  listVersions: async () => ({ params: slug }),
  createVersion: async (turn) => ({ params: slug, body: { name: `matrix-${turn}` } }),
  showVersion: async () => ({ params: { ...slug, versionId: ids.version } }),
  readVersionFile: async () => ({ params: { ...slug, versionId: ids.version }, query: { path: "README.md" } }),
  restoreVersion: async () => ({ params: { ...slug, versionId: ids.older }, body: { saveBackup: true } }),
  diffRefs: async () => ({ params: slug, query: { from: ids.older, to: "draft" } }),
  listEnvironments: async () => ({ params: slug }),
  environmentHistory: async () => ({ params: env(ids.development) }),
  listSettings: async () => ({ params: env(ids.development) }),
  setSetting: async (turn) => ({ params: env(ids.development), body: { key: `MATRIX_${turn}`, value: "v" } }),
  deleteSetting: async (turn) => ({ params: env(ids.development), query: { key: turn === 0 ? "API_TOKEN" : `MATRIX_${turn}` } }),
  deploy: async () => ({ params: env(ids.staging), body: { versionId: ids.older } }),
  promote: async () => ({ params: env(ids.staging), body: { fromEnvironmentId: ids.development, expectedVersionId: ids.version } }),
  rollback: async () => ({ params: env(ids.development), body: { expectedVersionId: ids.older } }),
  // After the rollback above development runs the older version; the newer one ran well there before.
  rollbackToLastHealthy: async () => {
    await succeededInDevelopment(fixture.db, ids);
    return { params: env(ids.development), body: { expectedVersionId: ids.version } };
  },
  listRequests: async () => ({ params: slug }),
  approveRequest: async () => ({ params: { ...slug, requestId: await requestByBob() }, body: {} }),
  rejectRequest: async () => ({ params: { ...slug, requestId: await requestByBob() }, body: { comment: "no" } }),
  exportActivity: async () => ({ params: slug, query: { format: "csv" } }),
};

const LEAST: Record<string, Role> = { read: "viewer", edit: "builder", deploy: "builder", edit_settings: "builder", approve: "release_manager", administer: "admin" };
const STATUS: Record<Exclude<Caller, Role>, number> = { stranger: 404, "no token": 401 };

async function state() {
  const rows = await everything(fixture.db);
  return Object.fromEntries(Object.entries(rows).filter(([table]) => !["access_tokens", "rate_limits", "idempotency_keys"].includes(table)));
}

describe("the token API's authorization table", () => {
  it("has a call for every operation", () => {
    expect(Object.keys(CALLS).sort()).toEqual(API_OPERATIONS.map((operation) => operation.operationId).sort());
  });

  it("lets exactly the roles the UI allows call each operation; a refused call changes no row", async () => {
    for (const operation of API_OPERATIONS) {
      if (operation.access === "public") continue;
      const least = operation.access === "account" ? "viewer" : LEAST[operation.access]!;
      const allowed = ROLES.filter((role) => ROLES.indexOf(role) >= ROLES.indexOf(least));
      const refused: Caller[] = [...ROLES.filter((role) => !allowed.includes(role)), ...(operation.access === "account" ? [] : ["stranger" as const]), "no token"];
      for (const caller of refused) {
        const call = await CALLS[operation.operationId]!(0);
        const before = await state();
        const response = await callApi(operation, { ...call, token: caller === "no token" ? null : tokens[caller] });
        const label = `${operation.operationId} as ${caller}`;
        expect(response.status, label).toBe(caller === "stranger" || caller === "no token" ? STATUS[caller] : 403);
        expect(await state(), label).toEqual(before);
      }
      for (const [turn, role] of allowed.entries()) {
        const call = await CALLS[operation.operationId]!(turn);
        const response = await callApi(operation, { ...call, token: tokens[role] });
        const label = `${operation.operationId} as ${role}: ${await response.clone().text()}`;
        if (turn === 0) expect(response.status, label).toBeLessThan(300);
        else expect([401, 403, 404], label).not.toContain(response.status);
        await response.body?.cancel();
      }
    }
  });
});
