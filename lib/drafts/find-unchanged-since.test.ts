import { describe, expect, it } from "vitest";
import { save } from "@/lib/testing/draft-helpers";
import { newProject, setupTestDb, value } from "@/lib/testing/harness";
import { version } from "@/lib/testing/version-helpers";
import { restoreVersion } from "@/lib/versions/restore-version";
import { createDraftFile } from "./create-draft-file";
import { findUnchangedSince } from "./find-unchanged-since";

const testDb = setupTestDb();

const ref = (v: { id: string; number: number; name: string }) => ({ id: v.id, number: v.number, name: v.name });

describe("findUnchangedSince", () => {
  it("is null before the first version, with or without files", async () => {
    const { db } = testDb;
    expect(await findUnchangedSince(db, await newProject(db))).toBeNull();
    expect(await findUnchangedSince(db, await newProject(db, { "a.ts": "a" }))).toBeNull();
  });

  it("names the newest version right after it was created, and no longer once a file changes", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a", "b.ts": "b" });
    await version(db, projectId, "1.0.0");
    await save(db, projectId, "a.ts", "a2");
    const newest = await version(db, projectId, "1.1.0");
    expect(await findUnchangedSince(db, projectId)).toEqual(ref(newest));

    await save(db, projectId, "b.ts", "b2");
    expect(await findUnchangedSince(db, projectId)).toBeNull();
    // Typing the old text back makes the draft identical again.
    await save(db, projectId, "b.ts", "b");
    expect(await findUnchangedSince(db, projectId)).toEqual(ref(newest));
  });

  it("counts added files, and an empty draft after an empty version", async () => {
    const { db } = testDb;
    const empty = await newProject(db);
    const first = await version(db, empty, "1.0.0");
    expect(await findUnchangedSince(db, empty)).toEqual(ref(first));
    value(await createDraftFile(db, { projectId: empty, path: "new.ts" }));
    expect(await findUnchangedSince(db, empty)).toBeNull();
  });

  it("compares with the newest version, not the one the draft was restored from", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "a" });
    const old = await version(db, projectId, "1.0.0");
    await save(db, projectId, "a.ts", "a2");
    await version(db, projectId, "1.1.0");
    value(await restoreVersion(db, { projectId, versionId: old.id, saveBackup: true, author: "ada@example.com" }));
    expect(await findUnchangedSince(db, projectId)).toBeNull();
  });

  it("ignores other projects' versions", async () => {
    const { db } = testDb;
    const projectId = await newProject(db, { "a.ts": "same" });
    const other = await newProject(db, { "a.ts": "same" });
    await version(db, other, "1.0.0");
    expect(await findUnchangedSince(db, projectId)).toBeNull();
  });
});
