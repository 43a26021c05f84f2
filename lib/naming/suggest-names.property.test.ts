import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { versionNameKey, versionNameSchema } from "@/lib/versions/schemas";
import type { VersionOrigin } from "@/lib/versions/version-summary";
import { checkName } from "./check-name";
import { NAMING_CONVENTION_VALUES, type NamingConvention } from "./conventions";
import { suggestNames } from "./suggest-names";

interface Entry {
  name: string;
  origin: VersionOrigin;
}

interface Case {
  convention: NamingConvention;
  history: Entry[];
  description: string | undefined;
  project: string;
  now: Date;
  timeZone: string;
}

const WORDS = ["order", "sync", "retry", "auth", "hotfix", "beta", "rc", "v2", "x", "api", "payments", "dev", "next"];

const word = fc.constantFrom(...WORDS);
const slug = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .map((words) => words.join("-"))
  .filter((text) => /^[a-z]/.test(text));
const semver = fc
  .tuple(fc.nat({ max: 3 }), fc.nat({ max: 3 }), fc.nat({ max: 3 }), fc.constantFrom("", "-rc1", "-rc.2", "-beta", "-beta.3", "+build.5"))
  .map(([major, minor, patch, rest]) => `${major}.${minor}.${patch}${rest}`);
const day = fc
  .tuple(fc.constantFrom("2026-03-08", "2026-03-09", "2026-03-10"), fc.nat({ max: 3 }))
  .map(([date, index]) => (index === 0 ? date : `${date}.${index}`));
const dateName = fc.oneof(day, fc.constantFrom("2026-Q1", "2026-Q2"));
const featureName = fc.oneof(slug, fc.tuple(slug, fc.nat({ max: 12 })).map(([text, n]) => `${text}-v${n}`));
const combinedName = fc.tuple(fc.oneof(semver, dateName), slug).map(([prefix, text]) => `${prefix}-${text}`);
const freeName = fc.oneof(
  fc.nat({ max: 20 }).map((n) => `build ${n}`),
  fc.constantFrom("Spring launch", "v1.2.0", "Release 009", "2026-02-30"),
  fc.string({ minLength: 1, maxLength: 12 }).map((text) => text.trim()).filter((text) => versionNameSchema.safeParse(text).success),
);
const anyName = fc.oneof(semver, dateName, featureName, combinedName, freeName);
/** The same name in another case: unique names compare ignoring case. */
const shouted = anyName.map((name) => name.toUpperCase());

const entry: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ name: fc.oneof(anyName, shouted), origin: fc.constantFrom<VersionOrigin>("manual", "deployment") }) },
  // Restores name their backups automatically; such a name can also look like a version (a user may type anything).
  { weight: 2, arbitrary: fc.record({ name: anyName.map((name) => `Draft before restoring ${name}`), origin: fc.constant<VersionOrigin>("backup") }) },
  { weight: 1, arbitrary: fc.record({ name: anyName, origin: fc.constant<VersionOrigin>("backup") }) },
);

const history = fc.uniqueArray(entry, { maxLength: 12, selector: ({ name }) => versionNameKey(name) });

const description = fc.option(
  fc.oneof(
    fc.constantFrom("Added retry logic to order sync workflow", "Beta", "rc2", "Fix it", "   ", "2026", "x", "Hotfix auth", "日本語"),
    fc.string({ maxLength: 40 }),
  ),
  { nil: undefined },
);

const testCase: fc.Arbitrary<Case> = fc.record({
  convention: fc.constantFrom(...NAMING_CONVENTION_VALUES),
  history,
  description,
  project: fc.constantFrom("order-sync", "2026-crm", "update-service", "a", "rc"),
  now: fc.date({ min: new Date("2026-03-08T00:00:00Z"), max: new Date("2026-03-11T00:00:00Z"), noInvalidDate: true }),
  timeZone: fc.constantFrom("UTC", "Europe/Berlin", "Pacific/Kiritimati", "America/Los_Angeles"),
});

function suggest({ convention, history: versions, description: text, project, now, timeZone }: Case): string[] {
  return suggestNames({ convention, versions, project, description: text, now, timeZone }).map(({ name }) => name);
}

const SUGGESTS_ALWAYS: readonly NamingConvention[] = ["semver", "date", "feature", "combined"];

describe("suggestNames over generated histories", () => {
  it("offers only names that follow the convention, are valid and new, and never the same twice", () => {
    fc.assert(
      fc.property(testCase, (input) => {
        const taken = new Set(input.history.map(({ name }) => versionNameKey(name)));
        const names = suggest(input);
        for (const name of names) {
          expect(checkName(name, input.convention), name).toEqual({ follows: true });
          expect(versionNameSchema.safeParse(name)).toEqual({ success: true, data: name });
          expect(taken.has(versionNameKey(name)), `${name} is taken`).toBe(false);
        }
        expect(new Set(names.map(versionNameKey)).size).toBe(names.length);
      }),
      { numRuns: 1500 },
    );
  });

  it("always offers a name for every convention but free-form", () => {
    fc.assert(
      fc.property(testCase, (input) => {
        if (SUGGESTS_ALWAYS.includes(input.convention)) expect(suggest(input).length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("never builds on a backup: where the backups sit in the history changes nothing", () => {
    fc.assert(
      fc.property(testCase, (input) => {
        const backups = input.history.filter(({ origin }) => origin === "backup");
        const others = input.history.filter(({ origin }) => origin !== "backup");
        expect(suggest({ ...input, history: [...backups, ...others] })).toEqual(suggest({ ...input, history: [...others, ...backups] }));
      }),
      { numRuns: 1000 },
    );
  });
});
