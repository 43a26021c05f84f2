import { describe, expect, it } from "vitest";
import { SAMPLE_PROJECT } from "@/lib/projects/sample-project";
import { toFileMap } from "./file-map";
import { readIntegrationConfig } from "./read-integration-config";

const sampleFiles = toFileMap(SAMPLE_PROJECT.files);

function withConfig(yaml: string) {
  return new Map([...sampleFiles, ["integration.yaml", yaml]]);
}

describe("readIntegrationConfig", () => {
  it("reads the sample project's workflows, retries, connections and environments", () => {
    const result = readIntegrationConfig(sampleFiles);
    if (!result.ok) throw new Error(result.error.message);
    const config = result.value;

    expect(config.name).toBe("order-sync");
    expect(config.workflows).toEqual([
      {
        name: "order-sync",
        entry: { path: "workflows/order-sync.ts", exportName: "syncOrders" },
        schedule: { kind: "cron", expression: "*/5 * * * *" },
        timeoutMs: 240_000,
      },
      {
        name: "refund-sync",
        entry: { path: "workflows/refund-sync.ts", exportName: "syncRefunds" },
        schedule: { kind: "cron", expression: "*/15 * * * *" },
        timeoutMs: 240_000,
      },
    ]);
    expect(config.retries).toEqual({ maxAttempts: 5, initialBackoffMs: 2000, maxBackoffMs: 60_000 });
    expect(config.connections.erp).toEqual({ ERP_API_URL: "${connections.erp.url}", ERP_API_TOKEN: "${secrets.ERP_API_TOKEN}" });
    expect(config.environments.development).toEqual({
      values: { "shop.url": "${app.url}/sample-api/shop", "erp.url": "${app.url}/sample-api/erp" },
      schedule: { kind: "manual" },
      extra: {},
    });
    expect(config.environments.production?.extra).toEqual({ alerts: { email: "integrations@example.com", after_failed_runs: 3 } });
  });

  it("accepts every-n-minutes schedules, manual runs and a missing timeout", () => {
    const result = readIntegrationConfig(
      withConfig(`workflows:
  a:
    entry: workflows/order-sync.ts#syncOrders
    schedule: every 5 minutes
  b:
    entry: workflows/refund-sync.ts#syncRefunds
`),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.workflows.map((workflow) => [workflow.schedule, workflow.timeoutMs])).toEqual([
      [{ kind: "every", intervalMs: 300_000 }, 30_000],
      [{ kind: "manual" }, 30_000],
    ]);
  });

  it("names the line of broken YAML", () => {
    const result = readIntegrationConfig(withConfig("workflows:\n  a:\n    entry: x.ts#run\n   bad: [\n"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid");
    expect(result.error.message).toMatch(/^integration\.yaml is not valid YAML: line \d+: /);
  });

  it("reports each wrong value with its line and path", () => {
    const result = readIntegrationConfig(
      withConfig(`workflows:
  order-sync:
    entry: workflows/missing.ts#syncOrders
    schedule: "every now and then"
    timeout: soon
  refund-sync:
    entry: workflows/refund-sync.ts
retries:
  maxAttempts: 0
`),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual({
      "workflows.order-sync.entry": "line 3: workflows.order-sync.entry: there is no file workflows/missing.ts in this version",
      "workflows.order-sync.schedule": expect.stringMatching(/^line 4: workflows\.order-sync\.schedule: "every now and then" is not a schedule/),
      "workflows.order-sync.timeout": 'line 5: workflows.order-sync.timeout: "soon" is not a duration: write it like 30s, 4m or 1h',
      "workflows.refund-sync.entry": expect.stringMatching(/^line 7: .*<file>#<exported function>/),
      "retries.maxAttempts": "line 9: retries.maxAttempts: must be a whole number of 1 or more",
    });
    expect(result.error.message).toMatch(/^integration\.yaml has 5 problems: line 3: /);
  });

  it("explains a version without integration.yaml", () => {
    const result = readIntegrationConfig(new Map([["workflows/a.ts", "export const a = 1;"]]));
    expect(result).toEqual({ ok: false, error: { code: "invalid", message: "This version has no integration.yaml, so it has no workflows to run" } });
  });
});
