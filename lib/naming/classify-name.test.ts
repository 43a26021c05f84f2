import { describe, expect, it } from "vitest";
import { classifyName } from "./classify-name";

describe("classifyName", () => {
  it.each([
    ["1.0.0", "semver"],
    ["1.1.0", "semver"],
    ["1.1.1", "semver"],
    ["2.0.0", "semver"],
    ["2026-03-09", "date"],
    ["2026-03-09.1", "date"],
    ["2026-Q1", "date"],
    ["order-sync-v1", "feature"],
    ["multi-tenant-support", "feature"],
    ["api-v2-migration", "feature"],
    ["pre-launch-final", "feature"],
    ["1.2.0-order-retry-logic", "combined"],
    ["2026-03-09-hotfix-auth", "combined"],
    ["2.0.0-rc1", "semver"],
  ])("reads the issue's example %s as %s", (name, form) => {
    expect(classifyName(name)).toBe(form);
  });

  it.each([
    ["2.0.0-rc.1", "semver"],
    ["2.0.0-beta.2", "semver"],
    ["1.0.0-alpha", "semver"],
    ["1.0.0-RC1", "semver"],
    ["1.0.0-x.7.z.92", "semver"],
    ["1.0.0-canary.20260309", "semver"],
    ["1.2.3+build.5", "semver"],
    ["  1.0.0  ", "semver"],
    ["2.0.0-pre-launch", "combined"],
    ["1.2.0-rc1-hotfix", "combined"],
    ["2026-03-09.1-hotfix", "combined"],
    ["2026-Q1-launch", "combined"],
    ["hotfix", "feature"],
    ["2024-02-29", "date"],
    ["2000-02-29", "date"],
    ["2026-12-31.12", "date"],
  ])("reads %s as %s", (name, form) => {
    expect(classifyName(name)).toBe(form);
  });

  it.each([
    ["v1.2.0", "a leading v is not part of a semantic version"],
    ["1.2", "two parts"],
    ["01.2.3", "a leading zero"],
    ["1.2.0-Order-Retry", "an uppercase slug"],
    ["1.2.0-", "a dangling dash"],
    ["1.2.0-order-retry+build", "build metadata after a slug"],
    ["2026-02-29", "no 29 February in 2026"],
    ["1900-02-29", "no 29 February in 1900"],
    ["2026-04-31", "April has 30 days"],
    ["2026-13-01", "no month 13"],
    ["2026-00-10", "no month 0"],
    ["2026-03-00", "no day 0"],
    ["2026-3-9", "unpadded"],
    ["2026-03-09.0", "the first version of a day has no index"],
    ["2026-Q5", "no fifth quarter"],
    ["2026-q1", "a lowercase quarter"],
    ["2026-02-30-hotfix", "a combined name on an impossible day"],
    ["2026-03-09-", "a dangling dash"],
    ["Order-Sync", "uppercase letters"],
    ["order--sync", "a double dash"],
    ["order-sync-", "a trailing dash"],
    ["-order-sync", "a leading dash"],
    ["order_sync", "an underscore"],
    ["42-things", "a leading digit"],
    ["build 42", "a space"],
    ["", "nothing"],
  ])("reads %s as no form (%s)", (name) => {
    expect(classifyName(name)).toBeNull();
  });
});
