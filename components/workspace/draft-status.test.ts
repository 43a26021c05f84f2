import { describe, expect, it } from "vitest";
import { describeDraftStatus } from "./draft-status";

const base = { id: "v1", number: 3, name: "1.1.0" };

describe("describeDraftStatus", () => {
  it("names the base version and counts every changed file once", () => {
    expect(describeDraftStatus({ base, changed: true, added: 1, modified: 1, removed: 1 })).toBe("3 files changed since 1.1.0");
    expect(describeDraftStatus({ base, changed: true, added: 0, modified: 1, removed: 0 })).toBe("1 file changed since 1.1.0");
    expect(describeDraftStatus({ base, changed: false, added: 0, modified: 0, removed: 0 })).toBe("no changes since 1.1.0");
  });

  it("says so before the first version", () => {
    expect(describeDraftStatus({ base: null, changed: true, added: 8, modified: 0, removed: 0 })).toBe("no versions yet");
  });
});
