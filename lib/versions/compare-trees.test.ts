import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDraftFile } from "@/lib/drafts/create-draft-file";
import { deleteDraftPath } from "@/lib/drafts/delete-draft-path";
import { save } from "@/lib/testing/draft-helpers";
import { failure, newProject, setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { compareTrees, parseTreeRef } from "./compare-trees";

const testDb = setupTestDb();

describe("parseTreeRef", () => {
  it("reads `draft` as the latest draft and anything else as a version id", () => {
    expect(parseTreeRef("draft")).toEqual({ kind: "draft" });
    expect(parseTreeRef("v-123")).toEqual({ kind: "version", versionId: "v-123" });
  });
});

describe("compareTrees", () => {
  it("names both sides and counts each kind of change", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "keep.ts": "k", "edit.ts": "1", "drop.ts": "d" });
    const v1 = await version(db, projectId, "1.0.0");
    await save(db, projectId, "edit.ts", "2");
    value(await deleteDraftPath(db, { projectId, path: "drop.ts" }));
    value(await createDraftFile(db, { projectId, path: "new.ts", content: "n" }));

    const comparison = value(await compareTrees(db, projectId, parseTreeRef(v1.id), parseTreeRef("draft")));

    expect(comparison.from).toEqual({ kind: "version", id: v1.id, name: "1.0.0", number: 1 });
    expect(comparison.to).toEqual({ kind: "draft" });
    expect(comparison.changes.map(({ path, status }) => [path, status])).toEqual([
      ["drop.ts", "removed"],
      ["edit.ts", "modified"],
      ["keep.ts", "unchanged"],
      ["new.ts", "added"],
    ]);
    expect(comparison.summary).toEqual({ added: 1, modified: 1, removed: 1, unchanged: 1 });
  });

  it("reports identical sides as all unchanged", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b" });
    const v1 = await version(db, projectId, "1.0.0");
    const v2 = await version(db, projectId, "1.0.1");

    const comparison = value(await compareTrees(db, projectId, parseTreeRef(v1.id), parseTreeRef(v2.id)));

    expect(comparison.to).toEqual({ kind: "version", id: v2.id, name: "1.0.1", number: 2 });
    expect(comparison.summary).toEqual({ added: 0, modified: 0, removed: 0, unchanged: 2 });
  });

  it("refuses unknown and foreign versions on either side, saying which", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    const own = await version(db, projectId, "1.0.0");
    const other = await newProject(db, { "a.ts": "a" });
    const foreign = await version(db, other, "1.0.0");

    const fromError = failure(await compareTrees(db, projectId, parseTreeRef(foreign.id), parseTreeRef(own.id)));
    expect(fromError).toEqual({ code: "not_found", message: "The version to compare from does not exist in this project." });
    const toError = failure(await compareTrees(db, projectId, parseTreeRef("draft"), parseTreeRef(randomUUID())));
    expect(toError).toEqual({ code: "not_found", message: "The version to compare with does not exist in this project." });
  });
});
