import { describe, expect, it } from "vitest";
import type { VersionJson } from "@/lib/versions/version-json";
import { restoreMessage } from "./restore-confirmation";

function version(name: string, origin: VersionJson["origin"] = "manual"): VersionJson {
  return { id: name, number: 1, name, description: "", origin, author: "Ada", fileCount: 1, createdAt: new Date(0).toISOString() };
}

describe("restoreMessage", () => {
  it("names the restored version, and the backup when one was made", () => {
    expect(restoreMessage({ restored: version("1.1.0"), backup: null })).toBe("Restored 1.1.0 as the draft.");
    expect(restoreMessage({ restored: version("1.1.0"), backup: version("Draft before restoring 1.1.0", "backup") })).toBe(
      "Restored 1.1.0 as the draft. Your previous draft was saved as version “Draft before restoring 1.1.0”.",
    );
  });
});
