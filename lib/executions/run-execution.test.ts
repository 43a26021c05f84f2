import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/audit/describe-event";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { newProject, stubTestSecretKey } from "@/lib/deployments/test-fixtures";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { save } from "@/lib/testing/draft-helpers";
import { setEnvironmentSetting } from "@/lib/environments/set-environment-setting";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { failure, setupTestDb, testActor, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { claimExecution } from "./claim-execution";
import { startExecutionWorker } from "./execution-worker";
import { queueExecution } from "./queue-execution";
import { recoverAbandonedExecutions } from "./recover-abandoned-executions";
import { runExecution } from "./run-execution";

stubTestSecretKey();
const t = setupTestDb();

const CONFIG = `workflows:
  hello:
    entry: workflows/hello.ts#hello
    timeout: 2s
retries:
  maxAttempts: 2
  initialBackoffMs: 60000
  maxBackoffMs: 60000
`;

/** A project whose development environment runs a version of workflows/hello.ts with this body. */
async function deployed(db: PrismaClient, body: string, name = "1.0.0") {
  const project = await newProject(db, name);
  await saveDraftFileForTest(db, project.projectId, "integration.yaml", CONFIG);
  await saveDraftFileForTest(db, project.projectId, "workflows/hello.ts", body);
  const v = await version(db, project.projectId, name);
  value(await deployVersion(db, { projectId: project.projectId, environmentId: project.environments.development, versionId: v.id, author: "ada" }));
  return { ...project, environmentId: project.environments.development, version: v };
}

/** Writes a draft file, creating it when new. */
async function saveDraftFileForTest(db: PrismaClient, projectId: string, path: string, content: string) {
  const exists = await db.draftFile.findUnique({ where: { projectId_path: { projectId, path } } });
  if (exists) await save(db, projectId, path, content);
  else value(await createDraftFile(db, { projectId, path, content }));
}

function queue(db: PrismaClient, target: { projectId: string; environmentId: string }, input?: unknown) {
  return queueExecution(db, { ...target, workflow: "hello", trigger: "manual", input, startedBy: { id: null, name: "Ada" } });
}

describe("runExecution", () => {
  it("runs the workflow with the environment's settings (secrets decrypted) and records its logs and output", async () => {
    const target = await deployed(t.db, `export async function hello(context: any, input: any) {
      console.log("hello " + context.env.GREETING + " " + input.name);
      return { token: context.env.TOKEN, name: input.name };
    }`);
    value(await setEnvironmentSetting(t.db, { ...target, actor: testActor, mode: "create", key: "GREETING", value: "from development" }));
    value(await setEnvironmentSetting(t.db, { ...target, actor: testActor, mode: "create", key: "TOKEN", value: "s3cret", isSecret: true }));
    const queued = value(await queue(t.db, target, { name: "Ada" }));
    expect(queued).toMatchObject({ status: "queued", trigger: "manual", startedBy: "Ada", versionNumber: target.version.number, attempt: 0 });

    const finished = value(await runExecution(t.db, queued.id));
    expect(finished).toMatchObject({ status: "succeeded", attempt: 1, error: null });
    const row = await t.db.execution.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.output).toEqual({ token: "s3cret", name: "Ada" });
    expect(row.logs).toEqual([expect.objectContaining({ level: "info", message: "hello from development Ada" })]);
    expect(row.startedAt).not.toBeNull();
    expect(row.finishedAt).not.toBeNull();
  });

  it("finishes on the version it was queued with, whatever is deployed meanwhile", async () => {
    const target = await deployed(t.db, `export function hello() { return "first"; }`, "first");
    const queued = value(await queue(t.db, target));
    await saveDraftFileForTest(t.db, target.projectId, "workflows/hello.ts", `export function hello() { return "second"; }`);
    const second = await version(t.db, target.projectId, "second");
    value(await deployVersion(t.db, { projectId: target.projectId, environmentId: target.environmentId, versionId: second.id, author: "ada" }));

    const finished = value(await runExecution(t.db, queued.id));
    expect(finished).toMatchObject({ status: "succeeded", versionId: target.version.id, versionName: "first" });
    expect((await t.db.execution.findUniqueOrThrow({ where: { id: queued.id } })).output).toBe("first");
  });

  it("keeps the server's event loop free while a workflow computes, and stops it at its time limit", async () => {
    const target = await deployed(t.db, `export function hello() { for (;;) {} }`);
    const queued = value(await queue(t.db, target));
    const order: string[] = [];
    const run = runExecution(t.db, queued.id).then((result) => {
      order.push("run finished");
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 100)).then(() => order.push("timer fired"));
    const finished = value(await run);
    expect(order).toEqual(["timer fired", "run finished"]);
    expect(finished).toMatchObject({ status: "queued", attempt: 1, error: expect.objectContaining({ message: expect.stringContaining("time limit") }) });
  });

  it("retries a failed run after integration.yaml's backoff, then records the last failure", async () => {
    const target = await deployed(t.db, `export function hello() { throw new Error("the ERP said no"); }`);
    const queued = value(await queue(t.db, target));
    const first = value(await runExecution(t.db, queued.id));
    expect(first).toMatchObject({ status: "queued", attempt: 1, maxAttempts: 2, error: { name: "Error", message: "the ERP said no" } });
    const waiting = await t.db.execution.findUniqueOrThrow({ where: { id: queued.id } });
    expect(waiting.runAfter.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(failure(await runExecution(t.db, queued.id)).code).toBe("conflict");

    await t.db.execution.update({ where: { id: queued.id }, data: { runAfter: new Date() } });
    const last = value(await runExecution(t.db, queued.id));
    expect(last).toMatchObject({ status: "failed", attempt: 2, error: { message: "the ERP said no" } });
  });

  it("lets a workflow fetch only from hosts named in the environment's URL settings", async () => {
    const target = await deployed(t.db, `export async function hello() { await fetch("http://localhost:9/orders"); }`);
    value(await setEnvironmentSetting(t.db, { ...target, actor: testActor, mode: "create", key: "shop.url", value: "https://shop.example.com/api" }));
    const finished = value(await runExecution(t.db, value(await queue(t.db, target)).id));
    expect(finished.error?.message).toMatch(/localhost/);
  });

  it("refuses an unknown workflow, an environment with nothing deployed and an oversized input", async () => {
    const target = await deployed(t.db, `export function hello() {}`);
    expect(failure(await queueExecution(t.db, { ...target, workflow: "nope", trigger: "manual" }))).toMatchObject({ code: "not_found" });
    expect(failure(await queueExecution(t.db, { ...target, environmentId: target.environments.staging, workflow: "hello", trigger: "manual" })).code).toBe("conflict");
    expect(failure(await queue(t.db, target, { text: "x".repeat(70_000) })).code).toBe("too_large");
  });

  it("records a person's run in the activity log in the same write, and not a run nobody started", async () => {
    const target = await deployed(t.db, `export function hello() {}`);
    const byAda = value(await queue(t.db, target));
    value(await queueExecution(t.db, { ...target, workflow: "hello", trigger: "http" }));
    const events = await t.db.auditEvent.findMany({ where: { projectId: target.projectId, kind: "execution.queued" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorName: "Ada",
      environmentId: target.environmentId,
      summary: { executionId: byAda.id, workflow: "hello", environment: "development", version: { id: target.version.id, name: "1.0.0" } },
    });
    expect(describeEvent({ ...events[0]!, summary: events[0]!.summary as Record<string, unknown> })).toBe("Ada ran hello in development on 1.0.0");
    // Out of the way of the queue's tests, which claim any due run.
    await t.db.execution.updateMany({ where: { projectId: target.projectId }, data: { status: "failed" } });
  });
});

describe("the queue", () => {
  it("takes a run whose worker died back: queued again while attempts are left, then failed, each attempt recorded", async () => {
    const target = await deployed(t.db, `export function hello() { return 1; }`);
    const queued = value(await queue(t.db, target));
    const lost = await claimExecution(t.db, { perEnvironmentLimit: 1 });
    expect(lost).toEqual({ id: queued.id, attempt: 1 });
    await t.db.execution.update({ where: { id: queued.id }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect(await recoverAbandonedExecutions(t.db)).toEqual([queued.id]);
    expect(await t.db.execution.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "queued",
      error: { name: "WorkerLost", message: "The server stopped during attempt 1 of this run; it is tried again." },
    });

    const second = await claimExecution(t.db, { perEnvironmentLimit: 1 });
    expect(second).toEqual({ id: queued.id, attempt: 2 });
    await t.db.execution.update({ where: { id: queued.id }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    await recoverAbandonedExecutions(t.db);
    expect(await t.db.execution.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "failed", attempt: 2 });
  });

  it("runs at most perEnvironmentLimit runs of an environment at once, and never claims one twice", async () => {
    const target = await deployed(t.db, `export function hello() { return 1; }`);
    const ids = [value(await queue(t.db, target)).id, value(await queue(t.db, target)).id];
    const claims = await Promise.all([claimExecution(t.db, { perEnvironmentLimit: 1 }), claimExecution(t.db, { perEnvironmentLimit: 1 })]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(ids).toContain(claims.find(Boolean)?.id);
    await t.db.execution.updateMany({ where: { id: { in: ids } }, data: { status: "failed" } });
  });

  it("a full environment holds only its own runs back: the limit counts each environment's running runs", async () => {
    const full = await deployed(t.db, `export function hello() { return 1; }`);
    const other = await deployed(t.db, `export function hello() { return 2; }`);
    const fullIds = [value(await queue(t.db, full)).id, value(await queue(t.db, full)).id, value(await queue(t.db, full)).id];
    const otherId = value(await queue(t.db, other)).id;
    const claimed = [];
    for (let index = 0; index < 4; index += 1) claimed.push((await claimExecution(t.db, { perEnvironmentLimit: 2 }))?.id);
    expect(claimed.slice(0, 3).sort()).toEqual([fullIds[0], fullIds[1], otherId].sort());
    expect(claimed[3]).toBeUndefined();
    expect(await t.db.execution.findUniqueOrThrow({ where: { id: fullIds[2]! } })).toMatchObject({ status: "queued" });
    await t.db.execution.update({ where: { id: fullIds[0]! }, data: { status: "succeeded" } });
    expect(await claimExecution(t.db, { perEnvironmentLimit: 2 })).toEqual({ id: fullIds[2], attempt: 1 });
    await t.db.execution.updateMany({ where: { id: { in: [...fullIds, otherId] } }, data: { status: "failed" } });
  });

  it("a started worker runs what is queued and stops cleanly", async () => {
    const target = await deployed(t.db, `export function hello(context: any) { return context.input; }`);
    const queued = value(await queue(t.db, target, 7));
    const worker = startExecutionWorker(t.db, { pollMs: 20 });
    while ((await t.db.execution.findUniqueOrThrow({ where: { id: queued.id } })).status !== "succeeded") {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await worker.stop();
    expect(await t.db.execution.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "succeeded", output: 7 });
  });
});
