import { describe, expect, it } from "vitest";
import { classifyName } from "./classify-name";
import { isNamingConvention, NAMING_CONVENTION_VALUES, NAMING_CONVENTIONS } from "./conventions";
import { namingConventionSchema } from "./schemas";

describe("NAMING_CONVENTIONS", () => {
  it("describes every convention once, in order", () => {
    expect(NAMING_CONVENTIONS.map(({ value }) => value)).toEqual([...NAMING_CONVENTION_VALUES]);
    for (const { label, explanation, examples } of NAMING_CONVENTIONS) {
      expect(label).not.toBe("");
      expect(explanation).not.toBe("");
      expect(examples.length).toBeGreaterThan(0);
    }
  });

  it.each(NAMING_CONVENTIONS.filter(({ value }) => value !== "free"))("gives $value examples of that form", ({ value, examples }) => {
    for (const example of examples) expect(classifyName(example)).toBe(value);
  });
});

describe("isNamingConvention", () => {
  it.each([...NAMING_CONVENTION_VALUES])("accepts %s", (value) => {
    expect(isNamingConvention(value)).toBe(true);
  });

  it.each(["Semver", "calver", "", null, 1])("refuses %j", (value) => {
    expect(isNamingConvention(value)).toBe(false);
  });
});

describe("namingConventionSchema", () => {
  it("parses a convention and explains a wrong one", () => {
    expect(namingConventionSchema.parse("date")).toBe("date");
    const result = namingConventionSchema.safeParse("calver");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Choose a naming convention.");
  });
});
