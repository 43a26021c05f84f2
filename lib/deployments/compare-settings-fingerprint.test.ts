import { describe, expect, it } from "vitest";
import { deleteEnvironmentSetting } from "@/lib/environments/delete-environment-setting";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import { setupTestDb, testActor } from "@/lib/testing/harness";
import { compareSettingsFingerprint } from "./compare-settings-fingerprint";
import { deployVersion } from "./deploy-version";
import { rollbackEnvironment } from "./rollback-environment";
import { diffSettingsFingerprints, parseSettingsFingerprint } from "./settings-fingerprint";
import { failure, newProject, newVersion, stubTestSecretKey, deployedNow, value, type TestProject } from "./test-fixtures";

stubTestSecretKey();
const testDb = setupTestDb();

const author = "ada@example.com";

function setting(project: TestProject, key: string, settingValue: string, options: { secret?: boolean; mode?: "create" | "replace" } = {}) {
  return setEnvironmentSetting(testDb.db, {
    projectId: project.projectId,
    environmentId: project.environments.production,
    key,
    value: settingValue,
    isSecret: options.secret ?? false,
    mode: options.mode ?? "create",
    actor: testActor,
  }).then(value);
}

function compare(project: TestProject, versionId: string) {
  return compareSettingsFingerprint(testDb.db, { projectId: project.projectId, environmentId: project.environments.production, versionId });
}

function deploy(project: TestProject, versionId: string) {
  return deployVersion(testDb.db, { projectId: project.projectId, environmentId: project.environments.production, versionId, author }).then(deployedNow);
}

describe("compareSettingsFingerprint", () => {
  it("lists keys added, removed and changed since the version last became active", async () => {
    const { db } = testDb;
    const project = await newProject(db, "compare");
    const first = await newVersion(db, project.projectId, "1.0.0");
    const second = await newVersion(db, project.projectId, "1.1.0");
    await setting(project, "ERP_API_URL", "https://erp.example.com");
    await setting(project, "ERP_API_TOKEN", "erp_live_0123456789", { secret: true });
    await setting(project, "SHOP_API_URL", "https://shop.example.com");
    await setting(project, "RETRIES", "5");
    const deployed = await deploy(project, first.id);

    expect(value(await compare(project, first.id))).toEqual({
      recorded: true,
      since: deployed.deployment.createdAt,
      added: [],
      removed: [],
      changed: [],
    });

    await setting(project, "ERP_API_TOKEN", "erp_live_rotated_9876", { secret: true, mode: "replace" });
    await setting(project, "RETRIES", "5", { secret: true, mode: "replace" }); // same value, now a secret
    await setting(project, "SHOP_API_URL", "https://shop.example.com", { mode: "replace" }); // same value again
    value(await deleteEnvironmentSetting(db, { projectId: project.projectId, environmentId: project.environments.production, key: "ERP_API_URL", actor: testActor }));
    await setting(project, "ALERT_EMAIL", "integrations@example.com");
    await setting(project, "A_NEW_TOKEN", "tok_abcdefghijkl", { secret: true });
    await deploy(project, second.id);

    const comparison = value(await compare(project, first.id));
    expect(comparison).toMatchObject({
      recorded: true,
      added: ["ALERT_EMAIL", "A_NEW_TOKEN"],
      removed: ["ERP_API_URL"],
      changed: ["ERP_API_TOKEN", "RETRIES"],
    });
    expect(value(await compare(project, second.id))).toMatchObject({ added: [], removed: [], changed: [] });
    const text = JSON.stringify(comparison);
    for (const secret of ["erp_live", "tok_abc", "example.com"]) expect(text).not.toContain(secret);
  });

  it("compares with the newest time the version became active, also by a rollback", async () => {
    const { db } = testDb;
    const project = await newProject(db, "compare");
    const first = await newVersion(db, project.projectId, "1.0.0");
    const second = await newVersion(db, project.projectId, "1.1.0");
    await setting(project, "TOKEN", "one");
    await deploy(project, first.id);
    await deploy(project, second.id);
    await setting(project, "TOKEN", "two", { mode: "replace" });
    value(await rollbackEnvironment(db, { projectId: project.projectId, environmentId: project.environments.production, author }));

    expect(value(await compare(project, first.id)).changed).toEqual([]);
    expect(value(await compare(project, second.id)).changed).toEqual(["TOKEN"]);
  });

  it("says so when nothing was recorded for the version in this environment", async () => {
    const { db } = testDb;
    const project = await newProject(db, "compare");
    const version = await newVersion(db, project.projectId, "1.0.0");
    expect(value(await compare(project, version.id))).toEqual({ recorded: false, since: null, added: [], removed: [], changed: [] });

    const deployed = await deploy(project, version.id);
    await db.$executeRaw`UPDATE deployments SET settings_fingerprint = NULL WHERE id = ${deployed.deployment.id}`;
    expect(value(await compare(project, version.id))).toEqual({
      recorded: false,
      since: deployed.deployment.createdAt,
      added: [],
      removed: [],
      changed: [],
    });
  });

  it("refuses an unknown environment or version, or another project's", async () => {
    const { db } = testDb;
    const project = await newProject(db, "compare");
    const other = await newProject(db, "compare");
    const version = await newVersion(db, project.projectId, "1.0.0");
    const foreign = await newVersion(db, other.projectId, "1.0.0");
    expect(failure(await compare(project, "no-such-version")).code).toBe("not_found");
    expect(failure(await compare(project, foreign.id)).code).toBe("not_found");
    expect(
      failure(await compareSettingsFingerprint(db, { projectId: project.projectId, environmentId: other.environments.production, versionId: version.id }))
        .code,
    ).toBe("not_found");
  });
});

describe("settings fingerprints", () => {
  const entry = (hash: string, secret = false) => ({ secret, hash });

  it("treat keys such as __proto__ and constructor as ordinary keys", () => {
    const before = parseSettingsFingerprint(JSON.parse('{"__proto__": {"secret": false, "hash": "a"}, "toString": {"secret": false, "hash": "b"}}'))!;
    const after = Object.fromEntries([
      ["constructor", entry("c")],
      ["toString", entry("b2")],
    ]);
    expect(diffSettingsFingerprints(before, after)).toEqual({ added: ["constructor"], removed: ["__proto__"], changed: ["toString"] });
  });

  it("read only the expected shape", () => {
    expect(parseSettingsFingerprint(null)).toBeNull();
    expect(parseSettingsFingerprint([])).toBeNull();
    expect(parseSettingsFingerprint({ A: "hash" })).toBeNull();
    expect(parseSettingsFingerprint({ A: { secret: "no", hash: "h" } })).toBeNull();
    expect(parseSettingsFingerprint({})).toEqual({});
    expect(parseSettingsFingerprint({ A: { secret: true, hash: "h" } })).toEqual({ A: entry("h", true) });
  });
});
