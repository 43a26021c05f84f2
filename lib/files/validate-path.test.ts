import { describe, expect, it } from "vitest";
import { validatePath } from "./validate-path";

function refusal(input: unknown, what?: "file" | "folder") {
  const result = validatePath(input, what);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${result.value}`);
  return result.error;
}

describe("validatePath", () => {
  it.each([
    ["a.ts", "a.ts"],
    ["workflows/order-sync.ts", "workflows/order-sync.ts"],
    ["config/prod.settings.yaml", "config/prod.settings.yaml"],
    [".env", ".env"],
    ["a/.hidden/b", "a/.hidden/b"],
    ["...", "..."],
    ["a..b/c", "a..b/c"],
    ["names with spaces/my file.ts", "names with spaces/my file.ts"],
    ["日本語/ファイル.ts", "日本語/ファイル.ts"],
    ["emoji/🚀.ts", "emoji/🚀.ts"],
    ["./a/b.ts", "a/b.ts"],
    ["a/", "a"],
    ["a/b///", "a/b"],
    ["  a/b.ts  ", "a/b.ts"],
    [" ./a.ts ", "a.ts"],
  ])("accepts %j as %j", (input, expected) => {
    expect(validatePath(input)).toEqual({ ok: true, value: expected });
  });

  const DOTS = 'The file path may not contain "." or ".." as a folder name.';
  const ABSOLUTE = 'Use a path relative to the project, without a leading "/".';
  const EMPTY_SEGMENT = 'The file path has an empty folder name ("//").';
  const CONTROL = "The file path contains a control character.";
  const SURROGATE = "The file path contains an invalid character (a lone UTF-16 surrogate).";
  const SYMBOL = 'The file path may not contain any of \\ : * ? " < > |';
  const SPACE = "A name in the file path starts or ends with a space.";
  const INVISIBLE = "The file path contains an invisible or direction-changing character.";

  it.each([
    ["..", DOTS],
    ["../secrets.ts", DOTS],
    ["a/../../b.ts", DOTS],
    ["a/..", DOTS],
    [".", DOTS],
    ["a/./b.ts", DOTS],
    ["/x", ABSOLUTE],
    ["/etc/passwd", ABSOLUTE],
    ["//x", ABSOLUTE],
    [".//x", ABSOLUTE],
    ["a//b", EMPTY_SEGMENT],
    ["a/b//c.ts", EMPTY_SEGMENT],
    ["a\u0000b", CONTROL],
    ["a\u0000", CONTROL],
    ["a\nb", CONTROL],
    ["a\rb", CONTROL],
    ["a\tb", CONTROL],
    ["a\u001fb", CONTROL],
    ["a\u007fb", CONTROL],
    ["a\u0085b", CONTROL],
    ["a\u009fb", CONTROL],
    ["a\ud800b", SURROGATE],
    ["a\udc00b", SURROGATE],
    ["a\udc00\ud800b", SURROGATE],
    ["a\\b.ts", SYMBOL],
    ["C:\\x.ts", SYMBOL],
    ["a:b", SYMBOL],
    ["a*.ts", SYMBOL],
    ["a?.ts", SYMBOL],
    ['a".ts', SYMBOL],
    ["a<b>.ts", SYMBOL],
    ["a|b", SYMBOL],
    ["a /b.ts", SPACE],
    ["a/ b.ts", SPACE],
    ["folder /file.ts", SPACE],
    ["README\u200b.md", INVISIBLE],
    ["a\ufeff.ts", INVISIBLE],
    ["src/\u2060/a.ts", INVISIBLE],
    ["invoice\u202egpj.ts", INVISIBLE],
    ["a\u2066b\u2069.ts", INVISIBLE],
  ])("refuses %j", (input, message) => {
    expect(refusal(input)).toEqual({ code: "invalid", message });
  });

  it("names a folder path as a folder path when refusing an invisible character", () => {
    expect(refusal("docs\u200c", "folder")).toEqual({
      code: "invalid",
      message: "The folder path contains an invisible or direction-changing character.",
    });
  });

  it.each(["", "   ", "./", "/", "//"])("asks for a path when given %j", (input) => {
    expect(refusal(input)).toEqual({ code: "invalid", message: "Enter a file path." });
  });

  it("refuses anything that is not text", () => {
    for (const input of [undefined, null, 42, ["a.ts"], { path: "a.ts" }]) {
      expect(refusal(input)).toEqual({ code: "invalid", message: "The file path must be text." });
    }
  });

  it("allows exactly 255 characters and refuses 256", () => {
    const at = `${"d".repeat(100)}/${"f".repeat(154)}`;
    expect(at).toHaveLength(255);
    expect(validatePath(at)).toEqual({ ok: true, value: at });
    expect(refusal(`${at}x`)).toEqual({
      code: "invalid",
      message: "The file path is 256 characters long; the limit is 255.",
    });
  });

  it("measures the length after normalising", () => {
    const path = "x".repeat(255);
    expect(validatePath(`./${path}/`)).toEqual({ ok: true, value: path });
  });

  it("names folders in its messages when checking a folder path", () => {
    expect(refusal("a/../b", "folder").message).toBe('The folder path may not contain "." or ".." as a folder name.');
    expect(refusal("", "folder").message).toBe("Enter a folder path.");
  });
});
