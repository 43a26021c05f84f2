import { describe, expect, it } from "vitest";
import type { TreeChange } from "@/lib/versions/diff-trees";
import { groupChanges, selectedChange, sideLabel, summaryText } from "./change-groups";

function change(path: string, status: TreeChange["status"]): TreeChange {
  return { path, status, fromHash: status === "added" ? null : "f", toHash: status === "removed" ? null : "t" };
}

const changes = [
  change("a.ts", "unchanged"),
  change("b.ts", "removed"),
  change("c.ts", "modified"),
  change("d.ts", "added"),
  change("e.ts", "modified"),
];

describe("summaryText", () => {
  it("counts modified, added and removed files, leaving out kinds that do not occur", () => {
    expect(summaryText({ added: 1, modified: 3, removed: 1, unchanged: 4 })).toBe("3 modified · 1 added · 1 removed");
    expect(summaryText({ added: 2, modified: 0, removed: 0, unchanged: 0 })).toBe("2 added");
    expect(summaryText({ added: 0, modified: 0, removed: 0, unchanged: 7 })).toBe("No differences");
  });
});

describe("groupChanges", () => {
  it("lists modified, added, removed, then unchanged files when asked for", () => {
    expect(groupChanges(changes, false).map((group) => [group.status, group.changes.map((entry) => entry.path)])).toEqual([
      ["modified", ["c.ts", "e.ts"]],
      ["added", ["d.ts"]],
      ["removed", ["b.ts"]],
    ]);
    expect(groupChanges(changes, true).at(-1)).toEqual({ status: "unchanged", changes: [change("a.ts", "unchanged")] });
  });
});

describe("selectedChange", () => {
  it("takes the file named in the URL, else the first file of the first group", () => {
    expect(selectedChange(changes, "a.ts")?.path).toBe("a.ts");
    expect(selectedChange(changes, "missing.ts")?.path).toBe("c.ts");
    expect(selectedChange(changes, null)?.path).toBe("c.ts");
    expect(selectedChange([change("a.ts", "unchanged")], null)).toBeNull();
  });
});

describe("sideLabel", () => {
  it("names the draft and versions by name and number", () => {
    expect(sideLabel({ kind: "draft" })).toBe("Latest draft");
    expect(sideLabel({ kind: "version", id: "v1", name: "1.1.0", number: 12 })).toBe("1.1.0 #12");
  });
});
