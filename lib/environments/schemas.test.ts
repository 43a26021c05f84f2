import { describe, expect, it } from "vitest";
import { settingKeySchema, settingValueSchema } from "./schemas";

describe("settingKeySchema", () => {
  it.each([
    ["a zero-width space", "ERP_TOKEN\u200b"],
    ["a byte order mark", "ERP\ufeff_TOKEN"],
    ["a left-to-right override", "ERP\u202dTOKEN"],
    ["a first-strong isolate", "ERP_\u2068TOKEN"],
  ])("refuses a key with %s, saying why", (_label, key) => {
    const result = settingKeySchema.safeParse(key);
    expect(result.error?.issues[0]?.message).toBe("The key contains an invisible or direction-changing character.");
  });
});

describe("settingValueSchema", () => {
  it("keeps invisible and direction-changing characters in a value", () => {
    expect(settingValueSchema.parse("to\u200bken\u202e")).toBe("to\u200bken\u202e");
  });
});
