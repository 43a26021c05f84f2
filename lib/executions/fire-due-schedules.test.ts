import { describe, expect, it } from "vitest";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { newProject, setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { currentTick, fireDueSchedules } from "./fire-due-schedules";

const t = setupTestDb();

const CONFIG = `workflows:
  often:
    entry: hello.ts#hello
    schedule: every 5 minutes
  quarterly:
    entry: hello.ts#hello
    schedule: "*/15 * * * *"
  by-hand:
    entry: hello.ts#hello
environments:
  development:
    schedule: manual
`;

describe("fireDueSchedules", () => {
  it("fires each tick once, even with two schedulers on one database at the same moment; manual workflows and environments never", async () => {
    const projectId = await newProject(t.db, { "integration.yaml": CONFIG, "hello.ts": "export function hello() { return 1; }\n" }, ["development", "staging"]);
    const v = await version(t.db, projectId, "1.0.0");
    const environments = await t.db.environment.findMany({ where: { projectId } });
    for (const environment of environments) value(await deployVersion(t.db, { projectId, environmentId: environment.id, versionId: v.id, author: "ada" }));
    const staging = environments.find((environment) => environment.name === "staging")!;

    const at = new Date("2026-11-29T10:45:10Z");
    const [first, second] = await Promise.all([fireDueSchedules(t.db, at), fireDueSchedules(t.db, at)]);
    expect([...first, ...second].map((execution) => execution.workflow).sort()).toEqual(["often", "quarterly"]);
    expect(await fireDueSchedules(t.db, new Date("2026-11-29T10:46:30Z"))).toEqual([]);
    const rows = await t.db.execution.findMany({ where: { projectId }, select: { environmentId: true, trigger: true } });
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.environmentId === staging.id && row.trigger === "schedule")).toBe(true);

    const next = await fireDueSchedules(t.db, new Date("2026-11-29T10:50:00Z"));
    expect(next.map((execution) => execution.workflow)).toEqual(["often"]);
  });

  it("finds the tick a moment falls in", () => {
    const now = new Date("2026-11-29T10:47:31Z");
    expect(currentTick({ kind: "every", intervalMs: 5 * 60_000 }, now)?.toISOString()).toBe("2026-11-29T10:45:00.000Z");
    expect(currentTick({ kind: "cron", expression: "47 10 * * *" }, now)?.toISOString()).toBe("2026-11-29T10:47:00.000Z");
    expect(currentTick({ kind: "cron", expression: "48 10 * * *" }, now)).toBeNull();
    expect(currentTick({ kind: "manual" }, now)).toBeNull();
  });
});
