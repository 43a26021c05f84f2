import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "./limits";
import { formatBytes, validateContent } from "./validate-content";

function refusal(content: unknown) {
  const result = validateContent(content);
  if (result.ok) throw new Error("expected the content to be refused");
  return result.error;
}

describe("validateContent", () => {
  it("has a limit of exactly 1 MiB", () => {
    expect(MAX_FILE_BYTES).toBe(1_048_576);
  });

  it.each([
    ["empty", ""],
    ["ASCII", "export const a = 1;\n"],
    ["unicode", "héllo wörld — 日本語 🚀"],
    ["CRLF and tabs", "a\r\n\tb\r\n"],
    ["a valid surrogate pair", "\ud83d\ude80"],
  ])("accepts %s text unchanged", (_label, content) => {
    expect(validateContent(content)).toEqual({ ok: true, value: content });
  });

  it.each([
    ["1-byte characters", "a", 1_048_576],
    ["2-byte characters", "é", 524_288],
    ["4-byte characters", "🚀", 262_144],
  ])("accepts exactly 1,048,576 bytes of %s and refuses one character more", (_label, unit, count) => {
    const atLimit = unit.repeat(count);
    expect(Buffer.byteLength(atLimit, "utf8")).toBe(1_048_576);
    expect(validateContent(atLimit).ok).toBe(true);
    expect(refusal(atLimit + unit).code).toBe("too_large");
  });

  it("counts UTF-8 bytes, not UTF-16 code units", () => {
    // 349,526 "€" are 1,048,578 bytes but only 349,526 code units.
    const euros = "€".repeat(349_526);
    expect(euros.length).toBeLessThan(MAX_FILE_BYTES);
    const error = refusal(euros);
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/the limit is 1\.0 MB\.$/);
    expect(validateContent("€".repeat(349_525) + "a").ok).toBe(true);
  });

  it("reports the size of an oversized file", () => {
    expect(refusal("x".repeat(3 * 1024 * 1024))).toEqual({
      code: "too_large",
      message: "The file is 3.0 MB (3,145,728 bytes); the limit is 1.0 MB.",
    });
  });

  it.each([
    ["a NUL character", "a\u0000b", "The file contains a NUL character; only text files are supported."],
    ["a trailing NUL", "abc\u0000", "The file contains a NUL character; only text files are supported."],
    ["a lone high surrogate", "a\ud800b", "The file contains an invalid character (a lone UTF-16 surrogate)."],
    ["a lone low surrogate", "a\udc00b", "The file contains an invalid character (a lone UTF-16 surrogate)."],
    ["a surrogate pair in the wrong order", "\ude80\ud83d", "The file contains an invalid character (a lone UTF-16 surrogate)."],
    ["a high surrogate at the end", "abc\ud83d", "The file contains an invalid character (a lone UTF-16 surrogate)."],
  ])("refuses %s", (_label, content, message) => {
    expect(refusal(content)).toEqual({ code: "invalid", message });
  });

  it("keeps invisible and direction-changing characters in contents, where text may need them", () => {
    const content = "\ufeffconst rtl = \"\u202eabc\u202c\"; // a\u200bb \u2066x\u2069 \u200d\u2060\n";
    expect(validateContent(content)).toEqual({ ok: true, value: content });
  });

  it("refuses anything that is not text", () => {
    for (const content of [undefined, null, 1, Buffer.from("a"), { text: "a" }]) {
      expect(refusal(content)).toEqual({ code: "invalid", message: "File content must be text." });
    }
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1024, "1.0 KB"],
    [1536, "1.5 KB"],
    [10 * 1024, "10 KB"],
    [1024 * 1024, "1.0 MB"],
    [5.25 * 1024 * 1024, "5.3 MB"],
  ])("formats %i bytes as %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
