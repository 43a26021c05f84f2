import { describe, expect, it } from "vitest";
import { suggestVersionName } from "./suggest-version-name";

describe("suggestVersionName", () => {
  it("starts at 1.0.0", () => {
    expect(suggestVersionName([])).toBe("1.0.0");
    expect(suggestVersionName(["first try", "hotfix-login"])).toBe("1.0.0");
  });

  it("offers the next patch of the highest x.y.z, compared as versions", () => {
    expect(suggestVersionName(["1.0.9", "1.0.10", "0.9.0"])).toBe("1.0.11");
    expect(suggestVersionName(["2.1.0", "release notes", "1.4.7"])).toBe("2.1.1");
  });

  it("keeps a leading v and ignores pre-releases and other shapes", () => {
    expect(suggestVersionName(["v1.2.3"])).toBe("v1.2.4");
    expect(suggestVersionName(["1.2.3", "3.0.0-rc.1", "1.2", "01.2.3"])).toBe("1.2.4");
  });
});
