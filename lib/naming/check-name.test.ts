import { describe, expect, it } from "vitest";
import { checkName } from "./check-name";
import { NAMING_CONVENTION_VALUES, type NamingConvention } from "./conventions";

const Y = true;
const N = false;

// Whether each name follows each convention, in the order of the columns.
const COLUMNS: NamingConvention[] = ["semver", "date", "feature", "combined", "free"];
const MATRIX: Array<[name: string, ...follows: boolean[]]> = [
  ["1.0.0", Y, N, N, N, Y],
  ["1.1.0", Y, N, N, N, Y],
  ["1.1.1", Y, N, N, N, Y],
  ["2.0.0", Y, N, N, N, Y],
  ["2026-03-09", N, Y, N, N, Y],
  ["2026-03-09.1", N, Y, N, N, Y],
  ["2026-Q1", N, Y, N, N, Y],
  ["order-sync-v1", N, N, Y, N, Y],
  ["multi-tenant-support", N, N, Y, N, Y],
  ["api-v2-migration", N, N, Y, N, Y],
  ["pre-launch-final", N, N, Y, N, Y],
  ["1.2.0-order-retry-logic", N, N, N, Y, Y],
  ["2026-03-09-hotfix-auth", N, N, N, Y, Y],
  ["2.0.0-rc1", Y, N, N, N, Y],
  ["build 42", N, N, N, N, Y],
  ["2026-02-30", N, N, N, N, Y],
];

const CASES = MATRIX.flatMap(([name, ...follows]) =>
  COLUMNS.map((convention, column) => ({ name, convention, follows: follows[column]! })),
);

describe("checkName", () => {
  it("covers every convention in the matrix", () => {
    expect([...COLUMNS].sort()).toEqual([...NAMING_CONVENTION_VALUES].sort());
  });

  it.each(CASES)("$name under $convention → follows: $follows", ({ name, convention, follows }) => {
    const check = checkName(name, convention);
    expect(check.follows).toBe(follows);
    if (!check.follows) expect(check.warning).not.toBe("");
  });

  it.each([
    ["semver", "Semantic versions look like 1.2.0 (major.minor.patch), or 2.0.0-rc1 for a pre-release."],
    ["date", "Date names look like 2026-03-09 (year-month-day), 2026-03-09.1 for a later version that day, or 2026-Q1 for a quarter."],
    ["feature", "Feature names are lowercase words joined by dashes, starting with a letter, like order-sync-v1."],
    ["combined", "Combined names are a version or date, a dash and a short slug, like 1.2.0-order-retry-logic or 2026-03-09-hotfix-auth."],
  ] as const)("explains the %s form with an example", (convention, warning) => {
    expect(checkName("Spring launch", convention)).toEqual({ follows: false, warning });
  });

  it("ignores surrounding whitespace", () => {
    expect(checkName("  1.2.0\n", "semver")).toEqual({ follows: true });
  });

  it.each(["", "   ", "anything at all", "v1.2.0"])("accepts %j under free", (name) => {
    expect(checkName(name, "free")).toEqual({ follows: true });
  });
});
