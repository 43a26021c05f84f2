import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/audit/describe-event";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { regenerateHookToken } from "./regenerate-hook-token";
import { triggerByHook } from "./trigger-by-hook";

const t = setupTestDb();

async function deployedProject() {
  const projectId = await newProject(t.db, {}, ["development"]);
  value(await createDraftFile(t.db, { projectId, path: "integration.yaml", content: "workflows:\n  hello:\n    entry: hello.ts#hello\n" }));
  value(await createDraftFile(t.db, { projectId, path: "hello.ts", content: "export function hello() { return 1; }\n" }));
  const v = await version(t.db, projectId, "1.0.0");
  const environment = await t.db.environment.findFirstOrThrow({ where: { projectId } });
  value(await deployVersion(t.db, { projectId, environmentId: environment.id, versionId: v.id, author: "ada" }));
  const project = await t.db.project.findUniqueOrThrow({ where: { id: projectId } });
  return { projectId, slug: project.slug, environmentId: environment.id };
}

describe("triggerByHook", () => {
  it("queues an http run for the environment's current token only; the old token stops working when a new one is made", async () => {
    const target = await deployedProject();
    const call = { projectSlug: target.slug, environmentName: "development", workflow: "hello", input: { n: 1 } };
    expect(failure(await triggerByHook(t.db, { ...call, token: "anything" })).code).toBe("not_found");
    const first = value(await regenerateHookToken(t.db, { ...target, actor: { id: null, name: "Ada" } })).token;
    const stored = await t.db.environment.findUniqueOrThrow({ where: { id: target.environmentId } });
    expect(stored.hookTokenHash).not.toContain(first);
    expect(stored.hookTokenHash).toHaveLength(64);

    const queued = value(await triggerByHook(t.db, { ...call, token: first }));
    expect(queued).toMatchObject({ trigger: "http", status: "queued", startedBy: null });
    expect(failure(await triggerByHook(t.db, { ...call, token: null })).code).toBe("unauthenticated");
    expect(failure(await triggerByHook(t.db, { ...call, token: `${first}x` })).code).toBe("not_found");
    expect(failure(await triggerByHook(t.db, { ...call, environmentName: "production", token: first })).code).toBe("not_found");
    expect(failure(await triggerByHook(t.db, { ...call, workflow: "nope", token: first })).code).toBe("not_found");

    const second = value(await regenerateHookToken(t.db, { ...target, actor: { id: null, name: "Ada" } })).token;
    expect(failure(await triggerByHook(t.db, { ...call, token: first })).code).toBe("not_found");
    expect(value(await triggerByHook(t.db, { ...call, token: second })).trigger).toBe("http");
    const events = await t.db.auditEvent.findMany({ where: { projectId: target.projectId, kind: "environment.hook_token_regenerated" } });
    expect(events.map((event) => describeEvent({ ...event, summary: event.summary as Record<string, unknown> }))).toEqual(["Ada made a new trigger token for development", "Ada made a new trigger token for development"]);
  });
});
