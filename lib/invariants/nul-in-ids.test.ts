import { describe, expect, it } from "vitest";
import { compareSettingsFingerprint } from "@/lib/deployments/compare-settings-fingerprint";
import { deployLatestDraft } from "@/lib/deployments/deploy-latest-draft";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { promoteEnvironment } from "@/lib/deployments/promote-environment";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { newProject, newVersion, rowCounts, stubTestSecretKey, type TestProject } from "@/lib/deployments/test-fixtures";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import { getDraftFile } from "@/lib/drafts/get-draft-file";
import { listDraftFiles } from "@/lib/drafts/list-draft-files";
import { renameDraftPath } from "@/lib/drafts/rename-draft-path";
import { saveDraftFile } from "@/lib/drafts/save-draft-file";
import { deleteEnvironmentSetting } from "@/lib/environments/delete-environment-setting";
import { getEnvironmentHistory } from "@/lib/environments/get-environment-history";
import { listEnvironmentSettings } from "@/lib/environments/list-environment-settings";
import { listEnvironments } from "@/lib/environments/list-environments";
import { readEnvironmentSecrets } from "@/lib/environments/read-environment-secrets";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import type { Result } from "@/lib/result";
import { setupTestDb, testActor } from "@/lib/testing/harness";
import { restoreVersion } from "@/lib/versions/restore-version";

stubTestSecretKey();
const testDb = setupTestDb();
const NUL_ID = "a\u0000b";
const NUL_PATH = `workflows/${NUL_ID}.ts`;
const author = "ada@example.com";

/** Everything a refused call could have disturbed: the counted rows and the project's draft. */
async function state(db: PrismaClient, project: TestProject) {
  return { ...(await rowCounts(db)), draft: await listDraftFiles(db, project.projectId) };
}

/** Runs `call` on a project with a version deployed to staging, expecting a typed refusal that changes nothing. */
async function expectRefused(label: string, call: (db: PrismaClient, project: TestProject) => Promise<Result<unknown>>) {
  const { db } = testDb;
  const project = await newProject(db, label);
  const version = await newVersion(db, project.projectId, "1.0.0");
  await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.staging, versionId: version.id, author });
  const before = await state(db, project);
  const result = await call(db, project);
  expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(invalid|not_found)$/) } });
  expect(await state(db, project)).toEqual(before);
}

/**
 * PostgreSQL text cannot hold NUL: an id or a path carrying one must be refused before it
 * reaches a query (lib/ids for ids, validatePath for paths), never thrown as a database error.
 */
describe("ids and paths carrying a NUL character", () => {
  it("deployVersion answers with a typed error", async () => {
    const { db } = testDb;
    const project = await newProject(db, "nul-deploy");
    await newVersion(db, project.projectId, "1.0.0");
    const before = await rowCounts(db);
    const result = await deployVersion(db, {
      projectId: project.projectId,
      environmentId: project.environments.production,
      versionId: NUL_ID,
      author: "ada@example.com",
    });
    expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/invalid|not_found/) } });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("restoreVersion answers with a typed error", async () => {
    const { db } = testDb;
    const project = await newProject(db, "nul-restore");
    const before = await rowCounts(db);
    const result = await restoreVersion(db, { projectId: project.projectId, versionId: NUL_ID, saveBackup: true, author: "ada@example.com" });
    expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/invalid|not_found/) } });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("getDraftFile answers with a typed error", async () => {
    const { db } = testDb;
    const project = await newProject(db, "nul-read");
    const result = await getDraftFile(db, project.projectId, `workflows/${NUL_ID}.ts`);
    expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/invalid|not_found/) } });
  });

  it.each<[string, (db: PrismaClient, project: TestProject) => Promise<Result<unknown>>]>([
    ["deployVersion to an environment id", (db, { projectId }) => deployVersion(db, { projectId, environmentId: NUL_ID, versionId: NUL_ID, author })],
    ["deployLatestDraft", (db, { projectId }) => deployLatestDraft(db, { projectId, environmentId: NUL_ID, name: "2.0.0", author })],
    ["rollbackEnvironment", (db, { projectId }) => rollbackEnvironment(db, { projectId, environmentId: NUL_ID, author })],
    [
      "promoteEnvironment from an environment id",
      (db, { projectId, environments }) => promoteEnvironment(db, { projectId, fromEnvironmentId: NUL_ID, toEnvironmentId: environments.production, author }),
    ],
    [
      "promoteEnvironment to an environment id",
      (db, { projectId, environments }) => promoteEnvironment(db, { projectId, fromEnvironmentId: environments.staging, toEnvironmentId: NUL_ID, author }),
    ],
    [
      "compareSettingsFingerprint with a version id",
      (db, { projectId, environments }) => compareSettingsFingerprint(db, { projectId, environmentId: environments.staging, versionId: NUL_ID }),
    ],
    ["compareSettingsFingerprint with an environment id", (db, { projectId }) => compareSettingsFingerprint(db, { projectId, environmentId: NUL_ID, versionId: NUL_ID })],
    ["getEnvironmentHistory", (db, { projectId }) => getEnvironmentHistory(db, { projectId, environmentId: NUL_ID })],
    ["listEnvironments", (db) => listEnvironments(db, NUL_ID)],
    ["listEnvironmentSettings", (db, { projectId }) => listEnvironmentSettings(db, { projectId, environmentId: NUL_ID })],
    ["readEnvironmentSecrets", (db, { projectId }) => readEnvironmentSecrets(db, { projectId, environmentId: NUL_ID })],
    [
      "setEnvironmentSetting",
      (db, { projectId }) => setEnvironmentSetting(db, { projectId, environmentId: NUL_ID, key: "K", value: "v", isSecret: false, mode: "create", actor: testActor }),
    ],
    ["deleteEnvironmentSetting", (db, { projectId }) => deleteEnvironmentSetting(db, { projectId, environmentId: NUL_ID, key: "K", actor: testActor })],
    [
      "deleteEnvironmentSetting with a key",
      (db, { projectId, environments }) => deleteEnvironmentSetting(db, { projectId, environmentId: environments.staging, key: NUL_ID, actor: testActor }),
    ],
    ["getDraftFile with a project id", (db) => getDraftFile(db, NUL_ID, "workflows/sync.ts")],
    ["saveDraftFile with a path", (db, { projectId }) => saveDraftFile(db, { projectId, path: NUL_PATH, content: "x", baseRevision: 1 })],
    ["saveDraftFile with a project id", (db) => saveDraftFile(db, { projectId: NUL_ID, path: "workflows/sync.ts", content: "x", baseRevision: 1 })],
    ["createDraftFile with a project id", (db) => createDraftFile(db, { projectId: NUL_ID, path: "new.ts" })],
    ["renameDraftPath from a path", (db, { projectId }) => renameDraftPath(db, { projectId, from: NUL_PATH, to: "renamed.ts" })],
    ["renameDraftPath with a project id", (db) => renameDraftPath(db, { projectId: NUL_ID, from: "workflows/sync.ts", to: "renamed.ts" })],
    ["deleteDraftPath with a path", (db, { projectId }) => deleteDraftPath(db, { projectId, path: NUL_PATH })],
    ["deleteDraftPath with a project id", (db) => deleteDraftPath(db, { projectId: NUL_ID, path: "workflows/sync.ts" })],
    ["getProjectBySlug", (db) => getProjectBySlug(db, NUL_ID)],
  ])("%s answers with a typed error and changes nothing", async (label, call) => {
    await expectRefused(label.replace(/\W+/g, "-"), call);
  });
});
