import { describe, expect, it } from "vitest";
import { createVersionInputSchema, versionDescriptionSchema, versionNameKey, versionNameSchema } from "./schemas";

function nameError(input: unknown) {
  const result = versionNameSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${result.data}`);
  return result.error.issues.map((issue) => issue.message);
}

describe("versionNameSchema", () => {
  it.each([
    ["1.1.0", "1.1.0"],
    ["  1.1.0  ", "1.1.0"],
    ["\t2026-03-09.1\n", "2026-03-09.1"],
    ["Added retry logic", "Added retry logic"],
    ["version ünïcødé 🚀", "version ünïcødé 🚀"],
    ["x", "x"],
    ["n".repeat(100), "n".repeat(100)],
    [`   ${"n".repeat(100)}   `, "n".repeat(100)],
  ])("accepts %j as %j", (input, expected) => {
    expect(versionNameSchema.parse(input)).toBe(expected);
  });

  it.each(["", " ", "   \t\n  "])("asks for a name when given %j", (input) => {
    expect(nameError(input)).toEqual(["Enter a name for the version."]);
  });

  it("refuses 101 characters", () => {
    expect(nameError("n".repeat(101))).toEqual(["Names are at most 100 characters."]);
  });

  it.each([
    ["a tab inside", "a\tb"],
    ["a newline inside", "a\nb"],
    ["NUL", "a\u0000"],
    ["an escape character", "a\u001b[31m"],
    ["DEL", "a\u007fb"],
    ["a C1 control", "a\u0085b"],
  ])("refuses %s", (_label, input) => {
    expect(nameError(input)).toContain("The name contains a control character.");
  });

  it.each([
    ["a zero-width space", "1.0\u200b"],
    ["a right-to-left override", "1.0\u202e"],
    ["a byte order mark", "1.\ufeff0"],
    ["an isolate", "\u20661.0\u2069"],
  ])("refuses %s", (_label, input) => {
    expect(nameError(input)).toEqual(["The name contains an invisible or direction-changing character."]);
  });

  it("refuses a lone surrogate", () => {
    expect(nameError("a\ud800b")).toEqual(["The name contains an invalid character."]);
  });

  it("refuses anything that is not text", () => {
    expect(nameError(12)).toEqual(["The name must be text."]);
    expect(nameError(undefined)).toEqual(["The name must be text."]);
  });
});

describe("versionDescriptionSchema", () => {
  it("trims and keeps line breaks inside", () => {
    expect(versionDescriptionSchema.parse("  Added retry logic.\n\nAlso: logging.  ")).toBe(
      "Added retry logic.\n\nAlso: logging.",
    );
  });

  it("keeps invisible and direction-changing characters in a description", () => {
    expect(versionDescriptionSchema.parse("Hebrew \u202bשלום\u202c and a\u200bb")).toBe("Hebrew \u202bשלום\u202c and a\u200bb");
  });

  it("accepts 2,000 characters and refuses 2,001", () => {
    expect(versionDescriptionSchema.parse("d".repeat(2000))).toHaveLength(2000);
    const result = versionDescriptionSchema.safeParse("d".repeat(2001));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Descriptions are at most 2,000 characters."]);
  });

  it("counts the length after trimming", () => {
    expect(versionDescriptionSchema.parse(` ${"d".repeat(2000)}\n`)).toHaveLength(2000);
  });

  it("keeps markup as plain text", () => {
    expect(versionDescriptionSchema.parse("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });

  it.each([["NUL", "a\u0000b"], ["a lone surrogate", "a\udc00"]])("refuses %s", (_label, input) => {
    const result = versionDescriptionSchema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["The description contains an invalid character."]);
  });
});

describe("createVersionInputSchema", () => {
  it("defaults the description to empty", () => {
    expect(createVersionInputSchema.parse({ name: " 1.0.0 " })).toEqual({ name: "1.0.0", description: "" });
  });

  it("reports each bad field by its name", () => {
    const result = createVersionInputSchema.safeParse({ name: "", description: "d".repeat(2001) });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["name", "Enter a name for the version."],
      ["description", "Descriptions are at most 2,000 characters."],
    ]);
  });
});

describe("versionNameKey", () => {
  it("ignores case", () => {
    expect(versionNameKey("Release-ABC")).toBe("release-abc");
    expect(versionNameKey("RELEASE-abc")).toBe(versionNameKey("release-ABC"));
    expect(versionNameKey("ÉTÉ")).toBe(versionNameKey("été"));
  });

  it("ignores the Unicode normalisation form", () => {
    const composed = "caf\u00e9";
    const decomposed = "cafe\u0301";
    expect(composed).not.toBe(decomposed);
    expect(versionNameKey(decomposed)).toBe(versionNameKey(composed));
  });

  it("keeps different names apart", () => {
    expect(versionNameKey("1.1.0")).not.toBe(versionNameKey("1.1.1"));
    expect(versionNameKey("a b")).not.toBe(versionNameKey("ab"));
  });
});
