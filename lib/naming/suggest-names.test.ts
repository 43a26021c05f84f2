import { describe, expect, it } from "vitest";
import { checkName } from "./check-name";
import type { NamingConvention } from "./conventions";
import { suggestNames, type SuggestNamesInput } from "./suggest-names";

const NOON = new Date("2026-03-09T12:00:00Z");

/** Versions with these names, newest first, made by hand. */
const manual = (names: string[]) => names.map((name) => ({ name, origin: "manual" as const }));

function input(convention: NamingConvention, existingNames: string[] = [], more: Partial<SuggestNamesInput> = {}): SuggestNamesInput {
  return { convention, versions: manual(existingNames), project: "order-sync", now: NOON, timeZone: "UTC", ...more };
}

function suggest(convention: NamingConvention, existingNames: string[] = [], more: Partial<SuggestNamesInput> = {}): string[] {
  return suggestNames(input(convention, existingNames, more)).map(({ name }) => name);
}

/** Creates versions one after another, each named by the first suggestion, newest first as the app lists them. */
function createInTurn(convention: NamingConvention, count: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) names.unshift(suggest(convention, names)[0]!);
  return names.reverse();
}

describe("suggestNames: semver", () => {
  it.each([
    [[], ["1.0.0"]],
    [["1.0.0"], ["1.1.0", "1.0.1", "2.0.0"]],
    [["1.1.0", "1.0.0"], ["1.2.0", "1.1.1", "2.0.0"]],
    [["1.0.0", "1.1.1", "1.1.0"], ["1.2.0", "1.1.2", "2.0.0"]],
    [["order-sync-v1", "2026-03-09", "1.1.0"], ["1.2.0", "1.1.1", "2.0.0"]],
    [["1.2.0-order-retry-logic", "1.1.0"], ["1.3.0", "1.2.1", "2.0.0"]],
    [["1.2.3+build.5"], ["1.3.0", "1.2.4", "2.0.0"]],
    [["  1.1.0  "], ["1.2.0", "1.1.1", "2.0.0"]],
  ])("after %j offers %j", (existing, expected) => {
    expect(suggest("semver", existing)).toEqual(expected);
  });

  it("labels the first version and the three bumps, the minor first", () => {
    expect(suggestNames(input("semver"))).toEqual([
      { name: "1.0.0", label: "First version" },
    ]);
    expect(suggestNames(input("semver", ["1.1.0"]))).toEqual([
      { name: "1.2.0", label: "Minor" },
      { name: "1.1.1", label: "Patch" },
      { name: "2.0.0", label: "Major" },
    ]);
  });

  it("prefills 1.0.0, then the next minor each time", () => {
    expect(createInTurn("semver", 4)).toEqual(["1.0.0", "1.1.0", "1.2.0", "1.3.0"]);
  });

  it.each([
    [["2.0.0-rc1", "1.1.0"], ["2.0.0-rc2", "2.0.0"]],
    [["2.0.0-rc.1"], ["2.0.0-rc.2", "2.0.0"]],
    [["2.0.0-beta.2", "2.0.0-beta.1"], ["2.0.0-beta.3", "2.0.0"]],
    [["2.0.0-beta"], ["2.0.0-beta.1", "2.0.0"]],
    [["2.0.0-rc09"], ["2.0.0-rc10", "2.0.0"]],
    [["2.0.0-rc2", "2.0.0-RC3"], ["2.0.0-rc4", "2.0.0"]],
    [["2.0.0", "2.0.0-rc2", "2.0.0-rc1"], ["2.1.0", "2.0.1", "3.0.0"]],
  ])("after the pre-releases %j offers %j", (existing, expected) => {
    expect(suggest("semver", existing)).toEqual(expected);
  });

  it("labels the next pre-release and the release", () => {
    const labels = suggestNames(input("semver", ["2.0.0-rc1"]));
    expect(labels.map(({ label }) => label)).toEqual(["Next pre-release", "Release"]);
  });
});

describe("suggestNames: date", () => {
  it.each([
    [[], "2026-03-09"],
    [["2026-03-09"], "2026-03-09.1"],
    [["2026-03-09.1", "2026-03-09"], "2026-03-09.2"],
    [["2026-03-09.1"], "2026-03-09.2"],
    [["2026-03-09.3", "2026-03-09"], "2026-03-09.4"],
    [["2026-03-09", "2026-03-09.2", "2026-03-09.1"], "2026-03-09.3"],
    [["2026-03-08.1", "2026-03-08"], "2026-03-09"],
    [["2026-03-09-hotfix-auth"], "2026-03-09"],
    [[" 2026-03-09 "], "2026-03-09.1"],
  ])("after %j offers %s", (existing, expected) => {
    expect(suggest("date", existing)).toEqual([expected]);
  });

  it("prefills today, then .1, .2 the same day", () => {
    expect(createInTurn("date", 3)).toEqual(["2026-03-09", "2026-03-09.1", "2026-03-09.2"]);
  });

  it("labels today and a later version today", () => {
    expect(suggestNames(input("date"))[0]?.label).toBe("Today");
    expect(suggestNames(input("date", ["2026-03-09"]))[0]?.label).toBe(
      "Another version today",
    );
  });

  it.each([
    ["2026-03-09T23:30:00Z", "Europe/Berlin", "2026-03-10"],
    ["2026-03-09T23:30:00Z", "America/New_York", "2026-03-09"],
    ["2026-03-09T22:59:59Z", "Europe/Berlin", "2026-03-09"],
    ["2026-03-09T23:00:00Z", "Europe/Berlin", "2026-03-10"],
    ["2026-03-10T03:59:59Z", "America/New_York", "2026-03-09"],
    ["2026-03-10T04:00:00Z", "America/New_York", "2026-03-10"],
  ])("at %s in %s offers %s", (instant, timeZone, day) => {
    expect(suggest("date", [], { now: new Date(instant), timeZone })).toEqual([day]);
  });

  it("counts the same-day versions of the user's day, not UTC's", () => {
    const late = { now: new Date("2026-03-09T23:30:00Z"), timeZone: "Europe/Berlin" };
    expect(suggest("date", ["2026-03-10", "2026-03-09.1", "2026-03-09"], late)).toEqual(["2026-03-10.1"]);
  });
});

describe("suggestNames: feature", () => {
  const description = "Added retry logic to order sync workflow";

  it.each([
    [[], "retry-logic-order-sync"],
    [["retry-logic-order-sync"], "retry-logic-order-sync-2"],
    [["retry-logic-order-sync-2", "retry-logic-order-sync"], "retry-logic-order-sync-3"],
    [["Retry-Logic-Order-Sync"], "retry-logic-order-sync-2"],
    [["retry-logic-order-sync-2"], "retry-logic-order-sync"],
  ])("after %j offers %s for the description", (existing, expected) => {
    expect(suggest("feature", existing, { description })).toEqual([expected]);
  });

  it.each([
    [[], ["order-sync-v1"]],
    [["order-sync-v1"], ["order-sync-v2"]],
    [["order-sync-v2", "order-sync-v1"], ["order-sync-v3"]],
    [["order-sync-v2", "order-sync-v3"], ["order-sync-v4", "order-sync-v1"]],
    [["payments-v7"], ["payments-v8", "order-sync-v1"]],
    [["multi-tenant-support"], ["order-sync-v1"]],
    [["1.1.0"], ["order-sync-v1"]],
  ])("without a description, after %j offers %j", (existing, expected) => {
    expect(suggest("feature", existing, { description: "   " })).toEqual(expected);
  });

  it("without a description, labels the next in sequence and the project's name", () => {
    expect(suggestNames(input("feature", ["payments-v2"]))).toEqual([
      { name: "payments-v3", label: "Next in sequence" },
      { name: "order-sync-v1", label: "Project name and a number" },
    ]);
    expect(suggestNames(input("feature", [], { project: "crm-2026" }))).toEqual([{ name: "crm-2026-v1", label: "Project name and a number" }]);
  });

  it("falls back to a word of its own when the project's slug has none", () => {
    expect(suggest("feature", [], { project: "2026" })).toEqual(["release-v1"]);
  });
});

describe("suggestNames: combined", () => {
  it.each([
    [[], "Order retry logic", ["1.0.0-order-retry-logic", "2026-03-09-order-retry-logic"]],
    [["1.1.0"], "Order retry logic", ["1.2.0-order-retry-logic", "2026-03-09-order-retry-logic"]],
    [["1.2.0-order-retry-logic", "1.1.0"], "Fixed auth hotfix", ["1.3.0-auth-hotfix", "2026-03-09-auth-hotfix"]],
    [["2.0.0-rc1"], "Launch", ["2.0.0-launch", "2026-03-09-launch"]],
    [["2026-03-08-payments", "1.1.0"], "Hotfix auth", ["2026-03-09-hotfix-auth", "1.2.0-hotfix-auth"]],
    [["2026-03-09-hotfix-auth"], "Hotfix auth", ["2026-03-09-hotfix-auth-2", "1.0.0-hotfix-auth"]],
  ])("after %j with %j offers %j", (existing, description, expected) => {
    expect(suggest("combined", existing, { description })).toEqual(expected);
  });

  it("without a description builds on the project's name, never a bare prefix", () => {
    expect(suggestNames(input("combined", ["1.2.0"]))).toEqual([
      { name: "1.3.0-order-sync", label: "Next minor version and the project name" },
      { name: "2026-03-09-order-sync", label: "Today and the project name" },
    ]);
    expect(suggest("combined", ["1.3.0-order-sync", "1.2.0"])).toEqual(["1.4.0-order-sync", "2026-03-09-order-sync"]);
  });

  it("keeps a slug of release words from turning the name into a pre-release", () => {
    expect(suggest("combined", ["1.1.0"], { description: "Beta" })).toEqual(["1.2.0-order-sync", "2026-03-09-beta"]);
    expect(suggest("combined", ["1.1.0"], { description: "rc", project: "rc" })).toEqual(["1.2.0-release", "2026-03-09-rc"]);
  });
});

describe("suggestNames: free", () => {
  it.each([
    [[], []],
    [["build 41"], ["build 42"]],
    [["build 41", "Build 42"], ["build 43"]],
    [["Release 009"], ["Release 010"]],
    [["order-sync-v1"], ["order-sync-v2"]],
    [["build 99999999999999999999"], ["build 100000000000000000000"]],
    [["1.1.0", "build 7"], ["1.2.0", "1.1.1", "2.0.0"]],
    [["2026-03-09"], ["2026-03-09.1"]],
    [["Spring launch"], []],
    [["multi-tenant-support"], []],
  ])("after %j offers %j", (existing, expected) => {
    expect(suggest("free", existing)).toEqual(expected);
  });

  it("never builds on a backup's automatic name", () => {
    const versions = [
      { name: "Draft before restoring 1.0.1", origin: "backup" as const },
      { name: "build 4", origin: "deployment" as const },
      { name: "build 3", origin: "manual" as const },
    ];
    expect(suggest("free", [], { versions })).toEqual(["build 5"]);
    expect(suggest("free", [], { versions: versions.slice(0, 1) })).toEqual([]);
  });

  it("does not offer a backup's name again", () => {
    const versions = [
      { name: "build 5", origin: "backup" as const },
      { name: "build 4", origin: "manual" as const },
    ];
    expect(suggest("free", [], { versions })).toEqual(["build 6"]);
  });

  it("follows a combined newest name with the description", () => {
    expect(suggest("free", ["1.2.0-order-retry-logic"], { description: "Hotfix auth" })[0]).toBe("1.3.0-hotfix-auth");
  });
});

describe("suggestNames: every suggestion", () => {
  const scenarios: Array<[NamingConvention, string[], string?]> = [
    ["semver", ["1.1.0", "1.0.0"]],
    ["semver", ["2.0.0-rc1"]],
    ["date", ["2026-03-09.1", "2026-03-09"]],
    ["feature", ["retry-logic-order-sync"], "Added retry logic to order sync workflow"],
    ["feature", ["order-sync-v1"]],
    ["combined", ["1.1.0"], "Order retry logic"],
    ["combined", ["2026-03-09-hotfix-auth"], "Hotfix auth"],
  ];

  it.each(scenarios)("follows %s and is new after %j", (convention, existing, description) => {
    const names = suggest(convention, existing, { description });
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(checkName(name, convention)).toEqual({ follows: true });
      expect(existing.map((n) => n.toLowerCase())).not.toContain(name.toLowerCase());
    }
  });

  it("is at most 100 characters", () => {
    expect(suggest("free", [`${"x".repeat(98)}99`])).toEqual([]);
    expect(suggest("free", [`${"x".repeat(97)}98`])).toEqual([`${"x".repeat(97)}99`]);
  });
});
