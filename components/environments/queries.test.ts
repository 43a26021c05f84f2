import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { versionKeys } from "@/components/versions/queries";
import { draftStatusKeys } from "@/components/workspace/draft-status-queries";
import {
  environmentKeys,
  environmentsByVersion,
  firstEnvironmentNotRunning,
  nextEnvironment,
} from "./queries";
import type { EnvironmentJson } from "@/lib/environments/environment-json";

function environment(name: string, position: number, activeVersionId: string | null): EnvironmentJson {
  return {
    id: `env-${name}`,
    name,
    position,
    requiredApprovals: 0,
    activeVersion: activeVersionId ? { id: activeVersionId, number: 1, name: activeVersionId } : null,
    lastDeployment: null,
    rollbackTarget: null,
    rollForwardTarget: null,
    healthyTarget: null,
    activeHealth: null,
  };
}

const environments = [environment("development", 0, "v2"), environment("staging", 1, "v1"), environment("production", 2, "v1")];

describe("environmentsByVersion", () => {
  it("lists, per version, every environment running it in the project's order", () => {
    expect(Object.fromEntries(environmentsByVersion(environments))).toEqual({ v2: ["development"], v1: ["staging", "production"] });
    expect(environmentsByVersion(undefined).size).toBe(0);
  });
});

describe("nextEnvironment", () => {
  it("is the one after in order, none after the last", () => {
    expect(nextEnvironment(environments, "env-development")?.name).toBe("staging");
    expect(nextEnvironment(environments, "env-staging")?.name).toBe("production");
    expect(nextEnvironment(environments, "env-production")).toBeNull();
    expect(nextEnvironment(environments, "unknown")).toBeNull();
  });
});

describe("firstEnvironmentNotRunning", () => {
  it("is the first environment in order that does not run the version, the first when all do", () => {
    expect(firstEnvironmentNotRunning(environments, "v2")?.name).toBe("staging");
    expect(firstEnvironmentNotRunning(environments, "v1")?.name).toBe("development");
    expect(firstEnvironmentNotRunning(environments, "v3")?.name).toBe("development");
    const everywhere = environments.map((candidate) => ({ ...candidate, activeVersion: { id: "v1", number: 1, name: "v1" } }));
    expect(firstEnvironmentNotRunning(everywhere, "v1")?.name).toBe("development");
    expect(firstEnvironmentNotRunning([], "v1")).toBeNull();
  });
});

describe("environmentKeys.invalidateAfterDeployment", () => {
  it("refreshes what runs where, the versions and the draft status, but not the files", async () => {
    const client = new QueryClient();
    const keys = [
      environmentKeys.list("p"),
      environmentKeys.history("p", "e1"),
      versionKeys.list("p", ""),
      draftStatusKeys.status("p"),
      ["projects", "p", "files", "list"],
      environmentKeys.list("other"),
    ];
    for (const key of keys) client.setQueryData(key, 1);
    await environmentKeys.invalidateAfterDeployment(client, "p");
    expect(keys.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true, true, true, false, false]);
  });
});

describe("environmentKeys.invalidateAfterSettingsChange", () => {
  it("refreshes that environment's settings and rollback warnings only", async () => {
    const client = new QueryClient();
    const keys = [
      environmentKeys.settings("p", "e1"),
      environmentKeys.settingsComparison("p", "e1", "v1"),
      environmentKeys.settingsComparison("p", "e1", "v2"),
      environmentKeys.settings("p", "e2"),
      environmentKeys.settingsComparison("p", "e2", "v1"),
      environmentKeys.history("p", "e1"),
      environmentKeys.list("p"),
    ];
    for (const key of keys) client.setQueryData(key, 1);
    await environmentKeys.invalidateAfterSettingsChange(client, "p", "e1");
    expect(keys.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true, true, false, false, false, false]);
  });
});
