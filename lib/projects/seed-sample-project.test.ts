import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import { readEnvironmentSettingsForRun } from "@/lib/environments/read-environment-secrets";
import { queueExecution } from "@/lib/executions/queue-execution";
import { runExecution } from "@/lib/executions/run-execution";
import { SAMPLE_ERP_TOKEN, SAMPLE_SHOP_TOKEN } from "@/lib/sample-api/sample-tokens";
import { startSampleApi } from "@/lib/sample-api/test-server";
import { setupTestDb, value } from "@/lib/testing/harness";
import { getVersionFiles } from "@/lib/versions/get-version-files";
import { SAMPLE_HISTORY, SAMPLE_PROJECT } from "./sample-project";
import { seedSampleProject } from "./seed-sample-project";

stubTestSecretKey();
const testDb = setupTestDb();

let api: Awaited<ReturnType<typeof startSampleApi>>;
beforeAll(async () => {
  api = await startSampleApi();
  // Where a server's runs find `${app.url}`: Next sets PORT once it listens.
  vi.stubEnv("PORT", String(api.port));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await api.close();
});

describe("seedSampleProject", () => {
  it("seeds an empty database once even when several instances start at the same moment", async () => {
    const { db } = testDb;
    const seeded = await Promise.all([seedSampleProject(db), seedSampleProject(db), seedSampleProject(db)]);
    expect(seeded.filter(Boolean)).toHaveLength(1);
    expect(await db.project.count()).toBe(1);
    expect(await seedSampleProject(db)).toBe(false);
  });

  it("runs 1.0.0 in development with the stub's tokens, keeps the broken 1.1.0 in the history and the draft at 1.0.0", async () => {
    const { db } = testDb;
    const project = await db.project.findUniqueOrThrow({ where: { slug: SAMPLE_PROJECT.slug }, select: { id: true } });
    const versions = await db.version.findMany({ where: { projectId: project.id }, orderBy: { number: "asc" }, select: { id: true, name: true } });
    expect(versions.map((version) => version.name)).toEqual([SAMPLE_HISTORY.good.name, SAMPLE_HISTORY.broken.name]);
    const environments = await db.environment.findMany({ where: { projectId: project.id }, orderBy: { position: "asc" }, select: { id: true, name: true, activeVersionId: true } });
    expect(environments.map((environment) => [environment.name, environment.activeVersionId])).toEqual([
      ["development", versions[0]!.id],
      ["staging", null],
      ["production", null],
    ]);
    for (const environment of environments) {
      const { settings } = value(await readEnvironmentSettingsForRun(db, { projectId: project.id, environmentId: environment.id }));
      expect(settings, environment.name).toEqual(
        environment.name === "production"
          ? []
          : expect.arrayContaining([
              { key: "SHOP_API_TOKEN", value: SAMPLE_SHOP_TOKEN, isSecret: true },
              { key: "ERP_API_TOKEN", value: SAMPLE_ERP_TOKEN, isSecret: true },
            ]),
      );
    }
    const readme = SAMPLE_PROJECT.files.find((file) => file.path === "README.md")!.content;
    expect(readme).toContain(`\`${SAMPLE_SHOP_TOKEN}\``);
    expect(readme).toContain(`\`${SAMPLE_ERP_TOKEN}\``);
    const draft = await db.draftFile.findMany({ where: { projectId: project.id }, select: { path: true, content: true } });
    const good = value(await getVersionFiles(db, project.id, versions[0]!.id));
    expect(new Map(draft.map((file) => [file.path, file.content]))).toEqual(new Map(good.map((file) => [file.path, file.content])));
    expect(new Map(draft.map((file) => [file.path, file.content]))).toEqual(new Map(SAMPLE_PROJECT.files.map((file) => [file.path, file.content])));
  });

  it("runs order-sync and refund-sync in development against the app's /sample-api, and 1.1.0 fails there", async () => {
    const { db } = testDb;
    const project = await db.project.findUniqueOrThrow({ where: { slug: SAMPLE_PROJECT.slug }, select: { id: true } });
    const development = await db.environment.findFirstOrThrow({ where: { projectId: project.id, name: "development" }, select: { id: true } });
    const target = { projectId: project.id, environmentId: development.id };
    const runNow = async (workflow: string) => {
      const queued = value(await queueExecution(db, { ...target, workflow, trigger: "manual", startedBy: { id: null, name: "Ada" } }));
      return value(await runExecution(db, queued.id));
    };

    for (const workflow of ["order-sync", "refund-sync"]) {
      const finished = await runNow(workflow);
      expect(finished, workflow).toMatchObject({ status: "succeeded", versionName: SAMPLE_HISTORY.good.name, error: null });
    }
    const orderSync = await db.execution.findFirstOrThrow({ where: { ...target, workflow: "order-sync" }, select: { output: true, logs: true } });
    expect((orderSync.output as { synced: string[] }).synced.length).toBeGreaterThanOrEqual(12);
    expect(orderSync.logs).toEqual([expect.objectContaining({ message: "Order sync finished" })]);
    expect(api.calls.some((call) => call.path === "/sample-api/erp/api/v2/sales-orders" && call.status === 201)).toBe(true);

    const broken = await db.version.findFirstOrThrow({ where: { projectId: project.id, name: SAMPLE_HISTORY.broken.name }, select: { id: true } });
    value(await deployVersion(db, { ...target, versionId: broken.id, author: "Ada" }));
    const failed = await runNow("order-sync");
    // Failed attempts are retried as integration.yaml says: queued again, with the error it met.
    expect(failed).toMatchObject({ status: "queued", attempt: 1, versionName: SAMPLE_HISTORY.broken.name, error: { name: "TypeError" } });
  });
});
