import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { MAX_ACTION_BODY_BYTES, MAX_FILE_BYTES, MAX_PATH_LENGTH } from "./limits";
import { MAX_SLUG_LENGTH } from "@/lib/projects/schemas";
import { validateContent } from "./validate-content";
import { validatePath } from "./validate-path";

/** The body React sends for createFileAction(slug, { path, content }): its arguments as JSON. */
function createFileBody(content: string): number {
  const path = "€".repeat(MAX_PATH_LENGTH - 3) + ".md";
  expect(validatePath(path).ok).toBe(true);
  return Buffer.byteLength(JSON.stringify(["s".repeat(MAX_SLUG_LENGTH), { path, content }]));
}

describe("the server action body limit", () => {
  it("is the one next.config.ts gives Next", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(MAX_ACTION_BODY_BYTES);
  });

  it.each([
    ["U+0001, escaped as \\u0001", "\u0001"],
    ['quotes, escaped as \\"', '"'],
    ["backslashes", "\\"],
    ["tabs", "\t"],
    ["three-byte characters", "€"],
  ])("fits the largest valid file of %s", (_label, character) => {
    const bytesPerCharacter = Buffer.byteLength(character);
    const content = character.repeat(Math.floor(MAX_FILE_BYTES / bytesPerCharacter));
    expect(validateContent(content).ok).toBe(true);
    expect(createFileBody(content)).toBeLessThanOrEqual(MAX_ACTION_BODY_BYTES);
  });
});
