import { describe, expect, it } from "vitest";
import { failure, newProject, stubTestSecretKey, value, type TestProject } from "@/lib/deployments/test-fixtures";
import { deleteEnvironmentSetting } from "@/lib/environments/delete-environment-setting";
import { setEnvironmentSetting, type SetEnvironmentSettingRequest } from "@/lib/environments/set-environment-setting";
import { setupTestDb, testActor } from "@/lib/testing/harness";
import { compareSettingAcrossEnvironments } from "./compare-setting-across-environments";
import { compareSettingsRevisions } from "./compare-settings-revisions";

stubTestSecretKey();
const testDb = setupTestDb();

function set(project: TestProject, environment: keyof TestProject["environments"], request: Partial<SetEnvironmentSettingRequest> & { key: string; value: string }) {
  return setEnvironmentSetting(testDb.db, {
    projectId: project.projectId,
    environmentId: project.environments[environment],
    isSecret: false,
    mode: "create",
    actor: testActor,
    ...request,
  });
}

describe("comparing settings", () => {
  it("two revisions of an environment: keys added, changed and removed, plain values shown, secrets never", async () => {
    const { db } = testDb;
    const project = await newProject(db, "compare-revisions");
    const production = project.environments.production;
    value(await set(project, "production", { key: "ERP_URL", value: "https://a.example.com" })); // 1
    value(await set(project, "production", { key: "ERP_API_TOKEN", value: "secret-one", isSecret: true })); // 2
    value(await set(project, "production", { key: "RETRIES", value: "3" })); // 3
    value(await set(project, "production", { key: "ERP_URL", value: "https://b.example.com", mode: "replace" })); // 4
    value(await set(project, "production", { key: "ERP_API_TOKEN", value: "secret-two", isSecret: true, mode: "replace" })); // 5
    value(await deleteEnvironmentSetting(db, { projectId: project.projectId, environmentId: production, key: "RETRIES", actor: testActor })); // 6
    value(await set(project, "production", { key: "ALERT_EMAIL", value: "ops@example.com" })); // 7

    const comparison = value(await compareSettingsRevisions(db, { projectId: project.projectId, environmentId: production, from: 3, to: 7 }));
    expect(comparison).toEqual({
      from: 3,
      to: 7,
      unchanged: 0,
      changes: [
        { key: "ALERT_EMAIL", change: "added", secret: false, after: "ops@example.com" },
        { key: "ERP_API_TOKEN", change: "changed", secret: true },
        { key: "ERP_URL", change: "changed", secret: false, before: "https://a.example.com", after: "https://b.example.com" },
        { key: "RETRIES", change: "removed", secret: false, before: "3" },
      ],
    });
    expect(JSON.stringify(comparison)).not.toMatch(/secret-(one|two)/);
    expect(value(await compareSettingsRevisions(db, { projectId: project.projectId, environmentId: production, from: 5, to: 5 }))).toMatchObject({ changes: [], unchanged: 3 });
    expect(failure(await compareSettingsRevisions(db, { projectId: project.projectId, environmentId: production, from: 1, to: 99 }))).toMatchObject({ code: "not_found" });
    const other = await newProject(db, "compare-other");
    expect(failure(await compareSettingsRevisions(db, { projectId: other.projectId, environmentId: production, from: 1, to: 2 }))).toMatchObject({ code: "not_found" });
  });

  it("one key across environments: plain values shown, secrets only as same or different", async () => {
    const { db } = testDb;
    const project = await newProject(db, "compare-across");
    value(await set(project, "development", { key: "ERP_API_TOKEN", value: "shared-token", isSecret: true }));
    value(await set(project, "staging", { key: "ERP_API_TOKEN", value: "shared-token", isSecret: true }));
    value(await set(project, "production", { key: "ERP_API_TOKEN", value: "production-token", isSecret: true }));
    const compared = value(await compareSettingAcrossEnvironments(db, { projectId: project.projectId, key: "ERP_API_TOKEN" }));
    expect(compared.environments.map((row) => [row.environment.name, row.present && row.group])).toEqual([
      ["development", 1],
      ["staging", 1],
      ["production", 2],
    ]);
    expect(JSON.stringify(compared)).not.toMatch(/shared-token|production-token/);

    value(await set(project, "staging", { key: "ERP_URL", value: "https://staging.example.com" }));
    const plain = value(await compareSettingAcrossEnvironments(db, { projectId: project.projectId, key: "ERP_URL" }));
    expect(plain.environments.map((row) => (row.present ? [row.environment.name, row.value, row.group] : [row.environment.name, "absent"]))).toEqual([
      ["development", "absent"],
      ["staging", "https://staging.example.com", 1],
      ["production", "absent"],
    ]);
    for (const key of ["bad key", "K".repeat(101), ""]) {
      expect(failure(await compareSettingAcrossEnvironments(db, { projectId: project.projectId, key }))).toMatchObject({ code: "invalid" });
    }
  });
});
