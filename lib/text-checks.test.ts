import { describe, expect, it } from "vitest";
import { excerpt, hasInvisibleCharacter } from "./text-checks";

const INVISIBLE = [
  ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e],
  ...[0x2066, 0x2067, 0x2068, 0x2069],
  ...[0x200b, 0x200c, 0x200d, 0x2060, 0xfeff],
];

describe("hasInvisibleCharacter", () => {
  it.each(INVISIBLE.map((code) => [`U+${code.toString(16).toUpperCase()}`, String.fromCodePoint(code)]))(
    "finds %s anywhere in the text",
    (_label, character) => {
      for (const text of [character, `README${character}.md`, `${character}a`, `a${character}`]) {
        expect(hasInvisibleCharacter(text)).toBe(true);
      }
    },
  );

  it.each([
    ["plain ASCII", "workflows/order-sync.ts"],
    ["accents and scripts", "ünïcødé/日本語/ファイル"],
    ["an emoji", "🚀"],
    ["right-to-left text without overrides", "שלום"],
    ["the marks next to the ranges", "\u2029\u202f\u2065\u206a\u2061\u200e\u200f\ufeef"],
  ])("leaves %s alone", (_label, text) => {
    expect(hasInvisibleCharacter(text)).toBe(false);
  });
});

describe("excerpt", () => {
  it("keeps short text as it is", () => {
    expect(excerpt("src/index.ts")).toBe("src/index.ts");
    expect(excerpt("x".repeat(60))).toBe("x".repeat(60));
  });

  it("cuts long text to its first 60 characters and an ellipsis, never half a surrogate pair", () => {
    expect(excerpt("deep/".repeat(200))).toBe(`${"deep/".repeat(12)}…`);
    expect(excerpt("😀".repeat(100))).toBe(`${"😀".repeat(60)}…`);
  });
});
